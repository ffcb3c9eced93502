package io.armature.api.device;

import java.util.Objects;

/**
 * A metric a device reports, as known to the registry.
 *
 * @param id metric id, unique within the device
 * @param unit unit of the values, for example {@code degC}; null when not declared
 * @param displayName human-readable name; defaults to the id
 * @param valueType type of the values; samples are numeric, so {@code double} today
 */
public record MetricInfo(String id, String unit, String displayName, String valueType) {
    public MetricInfo {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null ? id : displayName;
        valueType = valueType == null ? "double" : valueType;
    }
}
