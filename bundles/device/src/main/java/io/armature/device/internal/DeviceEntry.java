package io.armature.device.internal;

import io.armature.api.device.Device;
import io.armature.api.device.DeviceStatus;
import io.armature.api.device.DeviceStatusChange;
import io.armature.api.device.MetricInfo;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's live record of one device. Descriptive fields change rarely (REST); {@code
 * lastSeenMillis} changes with every batch from the device and is a plain volatile write.
 */
final class DeviceEntry {
    static final int HISTORY = 50;

    final String tenant;
    final String id;
    final Instant createdAt;
    volatile String name;
    volatile String type;
    volatile Map<String, String> tags;

    /** Epoch millis of the last sample or heartbeat; 0 when never seen. */
    volatile long lastSeenMillis;

    /** Status as of the last check (transitions are detected by comparing with it). */
    volatile DeviceStatus reportedStatus = DeviceStatus.UNKNOWN;

    final Map<String, MetricInfo> metrics = new ConcurrentHashMap<>();
    private final ArrayDeque<DeviceStatusChange> history = new ArrayDeque<>();

    DeviceEntry(
            String tenant,
            String id,
            String name,
            String type,
            Map<String, String> tags,
            Instant createdAt) {
        this.tenant = tenant;
        this.id = id;
        this.name = name == null ? id : name;
        this.type = type;
        this.tags = tags == null ? Map.of() : Map.copyOf(tags);
        this.createdAt = createdAt;
    }

    /** Status derived from the last sign of life. */
    DeviceStatus statusAt(long nowMillis, long timeoutMillis) {
        long seen = lastSeenMillis;
        if (seen == 0) {
            return DeviceStatus.UNKNOWN;
        }
        return nowMillis - seen <= timeoutMillis ? DeviceStatus.ONLINE : DeviceStatus.OFFLINE;
    }

    void seen(long nowMillis) {
        if (lastSeenMillis < nowMillis) {
            lastSeenMillis = nowMillis;
        }
    }

    Instant lastSeen() {
        long seen = lastSeenMillis;
        return seen == 0 ? null : Instant.ofEpochMilli(seen);
    }

    Device snapshot(long nowMillis, long timeoutMillis) {
        return new Device(
                tenant,
                id,
                name,
                type,
                tags,
                createdAt,
                statusAt(nowMillis, timeoutMillis),
                lastSeen());
    }

    /**
     * The transition since the last check, if the status derived now differs from the one last
     * reported; records it in the history.
     */
    java.util.Optional<DeviceStatusChange> transitionAt(long nowMillis, long timeoutMillis) {
        DeviceStatus status = statusAt(nowMillis, timeoutMillis);
        DeviceStatus before = reportedStatus;
        if (status == before) {
            return java.util.Optional.empty();
        }
        reportedStatus = status;
        DeviceStatusChange change =
                new DeviceStatusChange(tenant, id, before, status, Instant.ofEpochMilli(nowMillis));
        record(change);
        return java.util.Optional.of(change);
    }

    synchronized void record(DeviceStatusChange change) {
        history.addLast(change);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    synchronized List<DeviceStatusChange> history() {
        return List.copyOf(history);
    }
}
