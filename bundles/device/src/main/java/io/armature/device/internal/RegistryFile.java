package io.armature.device.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.armature.api.device.DeviceStatus;
import io.armature.api.device.DeviceStatusChange;
import io.armature.api.device.MetricInfo;
import io.armature.api.device.Tenant;
import io.armature.api.device.UnknownDevicePolicy;
import io.armature.boot.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry on disk: one JSON document ({@code data/registry/registry.json}) written to a
 * temporary file, forced and renamed, so a crash leaves the old or the new version, never a torn
 * one.
 */
final class RegistryFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    RegistryFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    Map<String, TenantEntry> load() throws IOException {
        Map<String, TenantEntry> tenants = new TreeMap<>();
        if (!Files.exists(file)) {
            return tenants;
        }
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode t : root.path("tenants")) {
            Tenant tenant =
                    new Tenant(
                            t.get("id").asText(),
                            text(t, "name"),
                            UnknownDevicePolicy.valueOf(t.get("unknown_device_policy").asText()),
                            t.hasNonNull("retention")
                                    ? Duration.parse(t.get("retention").asText())
                                    : null);
            TenantEntry entry = new TenantEntry(tenant, instantOrEpoch(t, "created_at"));
            for (JsonNode d : t.path("devices")) {
                Map<String, String> tags = new LinkedHashMap<>();
                d.path("tags")
                        .fields()
                        .forEachRemaining(f -> tags.put(f.getKey(), f.getValue().asText()));
                DeviceEntry device =
                        new DeviceEntry(
                                tenant.id(),
                                d.get("id").asText(),
                                text(d, "name"),
                                text(d, "type"),
                                tags,
                                instantOrEpoch(d, "created_at"));
                Instant seen = instant(d, "last_seen");
                device.lastSeenMillis = seen == null ? 0 : seen.toEpochMilli();
                if (d.hasNonNull("status")) {
                    device.reportedStatus = DeviceStatus.valueOf(d.get("status").asText());
                }
                for (JsonNode m : d.path("metrics")) {
                    MetricInfo metric =
                            new MetricInfo(
                                    m.get("id").asText(),
                                    text(m, "unit"),
                                    text(m, "display_name"),
                                    text(m, "value_type"));
                    device.metrics.put(metric.id(), metric);
                }
                for (JsonNode h : d.path("history")) {
                    device.record(
                            new DeviceStatusChange(
                                    tenant.id(),
                                    device.id,
                                    DeviceStatus.valueOf(h.get("from").asText()),
                                    DeviceStatus.valueOf(h.get("to").asText()),
                                    Instant.parse(h.get("at").asText())));
                }
                entry.devices.put(device.id, device);
            }
            tenants.put(tenant.id(), entry);
        }
        return tenants;
    }

    void save(Collection<TenantEntry> tenants) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("tenants");
        for (TenantEntry entry : new TreeMap<>(index(tenants)).values()) {
            Tenant tenant = entry.tenant;
            ObjectNode t = list.addObject();
            t.put("id", tenant.id());
            t.put("name", tenant.name());
            t.put("unknown_device_policy", tenant.unknownDevicePolicy().name());
            t.put("retention", tenant.retention() == null ? null : tenant.retention().toString());
            t.put("created_at", entry.createdAt.toString());
            ArrayNode devices = t.putArray("devices");
            for (DeviceEntry device : new TreeMap<>(entry.devices).values()) {
                ObjectNode d = devices.addObject();
                d.put("id", device.id);
                d.put("name", device.name);
                d.put("type", device.type);
                ObjectNode tags = d.putObject("tags");
                device.tags.forEach(tags::put);
                d.put("created_at", device.createdAt.toString());
                Instant seen = device.lastSeen();
                d.put("last_seen", seen == null ? null : seen.toString());
                d.put("status", device.reportedStatus.name());
                ArrayNode metrics = d.putArray("metrics");
                for (MetricInfo metric : new TreeMap<>(device.metrics).values()) {
                    ObjectNode m = metrics.addObject();
                    m.put("id", metric.id());
                    m.put("unit", metric.unit());
                    m.put("display_name", metric.displayName());
                    m.put("value_type", metric.valueType());
                }
                ArrayNode history = d.putArray("history");
                for (DeviceStatusChange change : device.history()) {
                    history.addObject()
                            .put("from", change.from().name())
                            .put("to", change.to().name())
                            .put("at", change.at().toString());
                }
            }
        }
        DurableFiles.writeAtomically(
                file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static Map<String, TenantEntry> index(Collection<TenantEntry> tenants) {
        Map<String, TenantEntry> byId = new LinkedHashMap<>();
        tenants.forEach(t -> byId.put(t.tenant.id(), t));
        return byId;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant instantOrEpoch(JsonNode node, String field) {
        Instant value = instant(node, field);
        return value == null ? Instant.EPOCH : value;
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
    }
}
