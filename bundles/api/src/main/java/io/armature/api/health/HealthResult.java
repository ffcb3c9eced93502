package io.armature.api.health;

import java.util.Map;
import java.util.Objects;

/**
 * Outcome of one {@link HealthCheck}.
 *
 * @param status the status
 * @param detail human-readable explanation, especially when not UP
 * @param data extra figures (for example spool size), JSON-serialisable values
 */
public record HealthResult(HealthStatus status, String detail, Map<String, Object> data) {
    public HealthResult {
        Objects.requireNonNull(status, "status");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** An UP result with a detail message. */
    public static HealthResult up(String detail) {
        return new HealthResult(HealthStatus.UP, detail, Map.of());
    }

    /** A DOWN result with the reason. */
    public static HealthResult down(String reason) {
        return new HealthResult(HealthStatus.DOWN, reason, Map.of());
    }
}
