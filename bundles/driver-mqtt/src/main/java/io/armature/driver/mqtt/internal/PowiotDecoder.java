package io.armature.driver.mqtt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.sample.Sample;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;

/**
 * The smart-house system's JSON: {@code {"measurement": "airSensor", "tags": {"house_id": "3",
 * "sensor_name": "mill-sense", ...}, "fields": {"temperature": 19.7, ...}, "time":
 * "2023-05-08T06:00:00"}}. Tenant and device come from tags ({@code tenant_tag}, default {@code
 * house_id}; {@code device_tag}, default {@code sensor_name}) or the topic; each numeric field is
 * one sample, its metric named by the {@code metric} template (default {@code {field}}, may use
 * {@code {measurement}}); a time without zone is read in {@code zone} (default UTC), a missing time
 * is the receive time.
 */
final class PowiotDecoder implements PayloadDecoder {
    private final String tenantTag;
    private final String deviceTag;
    private final String metricTemplate;
    private final ZoneId zone;
    private final String fixedTenant;
    private final String fixedDevice;

    PowiotDecoder(Map<String, String> options) {
        this.tenantTag = options.getOrDefault("tenant_tag", "house_id");
        this.deviceTag = options.getOrDefault("device_tag", "sensor_name");
        this.metricTemplate = options.getOrDefault("metric", "{field}");
        this.zone = options.containsKey("zone") ? ZoneId.of(options.get("zone")) : ZoneOffset.UTC;
        this.fixedTenant = options.get("tenant");
        this.fixedDevice = options.get("device");
    }

    @Override
    public Decoded decode(byte[] payload, Map<String, String> topicValues, Instant received) {
        Json.Parsed parsed = Json.parsePayload(payload);
        if (parsed.failure() != null) {
            return parsed.failure();
        }
        JsonNode root = parsed.root();
        if (!root.isObject()) {
            return Decoded.failed(INVALID_FIELD, "payload must be a JSON object");
        }
        JsonNode tags = root.path("tags");
        JsonNode fields = root.get("fields");
        if (fields == null || !fields.isObject() || fields.isEmpty()) {
            return Decoded.failed(INVALID_FIELD, "'fields' must be a non-empty object");
        }
        String tenant = pick(tags, tenantTag, topicValues.get("tenant"), fixedTenant);
        String device = pick(tags, deviceTag, topicValues.get("device"), fixedDevice);
        Decoded decoded = new Decoded();
        if (tenant == null || device == null) {
            String missing =
                    tenant == null
                            ? "tag '" + tenantTag + "' (tenant)"
                            : "tag '" + deviceTag + "' (device)";
            fields.fieldNames().forEachRemaining(f -> decoded.problem(UNROUTABLE, "no " + missing));
            return decoded;
        }
        Instant time = received;
        JsonNode timeNode = root.get("time");
        if (timeNode != null && !timeNode.isNull()) {
            try {
                time = Json.time(timeNode, zone);
            } catch (DateTimeException e) {
                fields.fieldNames()
                        .forEachRemaining(f -> decoded.problem(INVALID_TIME, e.getMessage()));
                return decoded;
            }
        }
        String measurement = root.path("measurement").asText("");
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isNumber()) {
                decoded.problem(
                        NOT_A_NUMBER,
                        "field '"
                                + field.getKey()
                                + "' is "
                                + value.getNodeType().toString().toLowerCase()
                                + ", not a number");
                continue;
            }
            String metric =
                    metricTemplate
                            .replace("{measurement}", measurement)
                            .replace("{field}", field.getKey());
            decoded.samples.add(new Sample(tenant, device, metric, time, value.doubleValue()));
        }
        return decoded;
    }

    private static String pick(JsonNode tags, String tag, String fromTopic, String fixed) {
        JsonNode value = tags.get(tag);
        if (value != null && value.isValueNode() && !value.asText().isEmpty()) {
            return value.asText();
        }
        return fromTopic != null ? fromTopic : fixed;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
