package io.armature.driver.mqtt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.sample.Sample;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code {"device", "metric", "time", "value", "unit"}} or an array of them; tenant (and device or
 * metric, when a sample has none) from the topic or the subscription's fixed options. Time is
 * ISO-8601 or epoch milliseconds, the receive time when absent. Each bad element is one problem;
 * the valid ones are kept.
 */
final class JsonSamplesDecoder implements PayloadDecoder {
    @Override
    public Decoded decode(byte[] payload, Map<String, String> topicValues, Instant received) {
        Json.Parsed parsed = Json.parsePayload(payload);
        if (parsed.failure() != null) {
            return parsed.failure();
        }
        JsonNode root = parsed.root();
        Decoded decoded = new Decoded();
        List<JsonNode> elements = new java.util.ArrayList<>();
        if (root.isArray()) {
            root.forEach(elements::add);
        } else {
            elements.add(root);
        }
        String tenant = topicValues.get("tenant");
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String where = root.isArray() ? "element " + i + ": " : "";
            if (!element.isObject()) {
                decoded.problem(INVALID_FIELD, where + "must be an object");
                continue;
            }
            String device = text(element, "device", topicValues.get("device"));
            String metric = text(element, "metric", topicValues.get("metric"));
            if (device == null || metric == null) {
                decoded.problem(
                        INVALID_FIELD,
                        where
                                + "'"
                                + (device == null ? "device" : "metric")
                                + "' must be a string");
                continue;
            }
            JsonNode value = element.get("value");
            if (value == null || !value.isNumber()) {
                decoded.problem(NOT_A_NUMBER, where + "'value' must be a number");
                continue;
            }
            Instant time = received;
            JsonNode timeNode = element.get("time");
            if (timeNode != null && !timeNode.isNull()) {
                try {
                    time = Json.time(timeNode, ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    decoded.problem(INVALID_TIME, where + e.getMessage());
                    continue;
                }
            }
            decoded.samples.add(new Sample(tenant, device, metric, time, value.doubleValue()));
            JsonNode unit = element.get("unit");
            if (unit != null && unit.isTextual() && !unit.asText().isEmpty()) {
                decoded.units.put(tenant + "/" + device + "/" + metric, unit.asText());
            }
        }
        return decoded;
    }

    private static String text(JsonNode element, String field, String fallback) {
        JsonNode node = element.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        return node.isTextual() ? node.asText() : null;
    }
}
