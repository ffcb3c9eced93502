package io.armature.driver.mqtt.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** JSON reading shared by the decoders: strict, one mapper, times with or without a zone. */
final class Json {
    static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
                    .build();

    private Json() {}

    /** The parsed payload; throws with Jackson's message (position included) when malformed. */
    static JsonNode parse(byte[] payload) throws IOException {
        return MAPPER.readTree(payload);
    }

    /** A payload read as JSON, or why it could not be. */
    record Parsed(JsonNode root, Decoded failure) {}

    /** The payload as JSON; an empty or malformed one as the decoding failure to report. */
    static Parsed parsePayload(byte[] payload) {
        if (payload.length == 0) {
            return new Parsed(null, Decoded.failed(PayloadDecoder.EMPTY_PAYLOAD, "empty payload"));
        }
        try {
            return new Parsed(parse(payload), null);
        } catch (IOException e) {
            return new Parsed(
                    null,
                    Decoded.failed(
                            PayloadDecoder.MALFORMED_JSON,
                            PowiotDecoder.firstLine(e.getMessage())));
        }
    }

    /**
     * A time as ISO-8601 with an offset ({@code 2023-05-08T06:00:00Z}), without one (read in {@code
     * zone}) or epoch milliseconds as a number.
     *
     * @throws DateTimeException when it is none of these
     */
    static Instant time(JsonNode node, ZoneId zone) {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        if (!node.isTextual()) {
            throw new DateTimeException("time must be an ISO-8601 string or epoch milliseconds");
        }
        return time(node.asText(), zone);
    }

    /**
     * A time as ISO-8601 with an offset or without one (read in {@code zone}).
     *
     * @throws DateTimeException when it is neither
     */
    static Instant time(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException local) {
                throw new DateTimeException("'" + text + "' is not an ISO-8601 time");
            }
        }
    }
}
