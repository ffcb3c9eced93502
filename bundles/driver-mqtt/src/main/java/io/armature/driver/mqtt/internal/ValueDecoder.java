package io.armature.driver.mqtt.internal;

import io.armature.api.sample.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** A bare number ({@code 21.5}); tenant, device and metric from the topic; time = receive time. */
final class ValueDecoder implements PayloadDecoder {
    @Override
    public Decoded decode(byte[] payload, Map<String, String> topicValues, Instant received) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return Decoded.failed(EMPTY_PAYLOAD, "empty payload");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            return Decoded.failed(NOT_A_NUMBER, "'" + shown + "' is not a number");
        }
        if (text.endsWith("d") || text.endsWith("D") || text.endsWith("f") || text.endsWith("F")) {
            return Decoded.failed(NOT_A_NUMBER, "'" + text + "' is not a plain number");
        }
        Decoded decoded = new Decoded();
        decoded.samples.add(
                new Sample(
                        topicValues.get("tenant"),
                        topicValues.get("device"),
                        topicValues.get("metric"),
                        received,
                        value));
        return decoded;
    }
}
