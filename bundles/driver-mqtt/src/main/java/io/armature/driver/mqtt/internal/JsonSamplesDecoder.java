package io.armature.driver.mqtt.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.armature.api.sample.Sample;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;

/**
 * {@code {"device", "metric", "time", "value", "unit"}} or an array of them; tenant (and device or
 * metric, when a sample has none) from the topic or the subscription's fixed options. Time is
 * ISO-8601 or epoch milliseconds, the receive time when absent. Each bad element is one problem;
 * the valid ones are kept. A payload that is not well-formed JSON (duplicate keys and trailing
 * content included) yields no sample at all.
 *
 * <p>Read with Jackson's streaming parser, field by field, without building a tree: this decoder
 * runs once per message at the driver's full rate.
 */
final class JsonSamplesDecoder implements PayloadDecoder {
    @Override
    public Decoded decode(byte[] payload, Map<String, String> topicValues, Instant received) {
        if (payload.length == 0) {
            return Decoded.failed(EMPTY_PAYLOAD, "empty payload");
        }
        Decoded decoded = new Decoded();
        try (JsonParser parser = Json.MAPPER.createParser(payload)) {
            JsonToken root = parser.nextToken();
            if (root == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    element(parser, "element " + index++ + ": ", topicValues, received, decoded);
                }
            } else {
                element(parser, "", topicValues, received, decoded);
            }
            if (parser.nextToken() != null) {
                throw new IOException(
                        "trailing content after the JSON value at " + location(parser));
            }
        } catch (IOException e) {
            return Decoded.failed(MALFORMED_JSON, PowiotDecoder.firstLine(e.getMessage()));
        }
        return decoded;
    }

    /** One sample object, the parser on its first token; leaves the parser on its last. */
    private static void element(
            JsonParser parser,
            String where,
            Map<String, String> topicValues,
            Instant received,
            Decoded decoded)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            decoded.problem(INVALID_FIELD, where + "must be an object");
            return;
        }
        Fields fields = new Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "device" -> fields.device = Text.of(parser, token);
                case "metric" -> fields.metric = Text.of(parser, token);
                case "unit" -> fields.unit = Text.of(parser, token);
                case "value" -> {
                    fields.hasNumber = token.isNumeric();
                    fields.value = fields.hasNumber ? parser.getDoubleValue() : 0;
                }
                case "time" -> fields.time(parser, token);
                default -> {}
            }
            parser.skipChildren();
        }
        fields.emit(where, topicValues, received, decoded);
    }

    private static String location(JsonParser parser) {
        return "line "
                + parser.currentLocation().getLineNr()
                + ", column "
                + parser.currentLocation().getColumnNr();
    }

    /** A string field: absent and null mean "not given", anything else but a string is wrong. */
    private record Text(String value, boolean wrongType) {
        static final Text NULL = new Text(null, false);

        static Text of(JsonParser parser, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return NULL;
            }
            return token == JsonToken.VALUE_STRING
                    ? new Text(parser.getText(), false)
                    : new Text(null, true);
        }

        String or(String fallback) {
            return wrongType ? null : value == null ? fallback : value;
        }
    }

    /** The fields of one element as they are read. */
    private static final class Fields {
        Text device = Text.NULL;
        Text metric = Text.NULL;
        Text unit = Text.NULL;
        boolean hasNumber;
        double value;
        Long epochMillis;
        String timeText;
        String timeError;

        void time(JsonParser parser, JsonToken token) throws IOException {
            epochMillis = null;
            timeText = null;
            timeError = null;
            if (token == JsonToken.VALUE_NUMBER_INT) {
                epochMillis = parser.getLongValue();
            } else if (token == JsonToken.VALUE_STRING) {
                timeText = parser.getText();
            } else if (token != JsonToken.VALUE_NULL) {
                timeError = "time must be an ISO-8601 string or epoch milliseconds";
            }
        }

        void emit(String where, Map<String, String> topicValues, Instant received, Decoded out) {
            String deviceId = device.or(topicValues.get("device"));
            String metricId = metric.or(topicValues.get("metric"));
            if (deviceId == null || metricId == null) {
                out.problem(
                        INVALID_FIELD,
                        where
                                + "'"
                                + (deviceId == null ? "device" : "metric")
                                + "' must be a string");
                return;
            }
            if (!hasNumber) {
                out.problem(NOT_A_NUMBER, where + "'value' must be a number");
                return;
            }
            Instant time = received;
            try {
                if (timeError != null) {
                    throw new DateTimeException(timeError);
                } else if (epochMillis != null) {
                    time = Instant.ofEpochMilli(epochMillis);
                } else if (timeText != null) {
                    time = Json.time(timeText, java.time.ZoneOffset.UTC);
                }
            } catch (DateTimeException e) {
                out.problem(INVALID_TIME, where + e.getMessage());
                return;
            }
            String tenant = topicValues.get("tenant");
            out.samples.add(new Sample(tenant, deviceId, metricId, time, value));
            if (unit.value() != null && !unit.value().isEmpty()) {
                out.units.put(tenant + "/" + deviceId + "/" + metricId, unit.value());
            }
        }
    }
}
