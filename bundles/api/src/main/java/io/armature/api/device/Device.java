package io.armature.api.device;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A registered device of one tenant, immutable snapshot.
 *
 * @param tenant owning tenant id
 * @param id device id, unique within the tenant
 * @param name display name
 * @param type device type, for example a sensor type id
 * @param tags free-form labels used for filtering
 * @param createdAt registration time, UTC
 * @param status connectivity when the snapshot was taken
 * @param lastSeen last sample or heartbeat, null if never seen
 */
public record Device(
        String tenant,
        String id,
        String name,
        String type,
        Map<String, String> tags,
        Instant createdAt,
        DeviceStatus status,
        Instant lastSeen) {
    public Device {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        status = status == null ? DeviceStatus.UNKNOWN : status;
    }
}
