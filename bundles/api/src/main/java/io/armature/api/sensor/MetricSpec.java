package io.armature.api.sensor;

import java.util.Objects;

/**
 * One metric a sensor type produces, with the range of physically valid values.
 *
 * @param id metric id, for example {@code temperature}
 * @param unit unit symbol (UCUM style), for example {@code Cel}, {@code %}, {@code hPa}
 * @param displayName label for humans
 * @param min lowest valid value (inclusive); {@code Double.NEGATIVE_INFINITY} for none
 * @param max highest valid value (inclusive); {@code Double.POSITIVE_INFINITY} for none
 */
public record MetricSpec(String id, String unit, String displayName, double min, double max) {
    public MetricSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max + " for " + id);
        }
    }

    /** True when the value is finite and within [min, max]. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }
}
