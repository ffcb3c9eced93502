package io.armature.api.sensor;

import java.util.List;
import java.util.Objects;

/**
 * One metric a sensor type produces, with the range of physically valid values.
 *
 * <p>Units are <a href="https://ucum.org/ucum">UCUM</a> case-sensitive codes throughout the
 * platform: {@code Cel} (degree Celsius), {@code %} (percent, e.g. relative humidity), {@code hPa},
 * {@code W}, {@code kW.h}, {@code 1} for dimensionless counts and codes.
 *
 * @param id metric id, for example {@code temperature}
 * @param unit UCUM code, for example {@code Cel}, {@code %}, {@code hPa}
 * @param displayName label for humans
 * @param min lowest valid value (inclusive); {@code Double.NEGATIVE_INFINITY} for none
 * @param max highest valid value (inclusive); {@code Double.POSITIVE_INFINITY} for none
 * @param states for a metric that reports a state as a code, the name of each code: value {@code i}
 *     means {@code states.get(i)} (and then {@code min = 0}, {@code max = states.size() - 1});
 *     empty for a continuous metric
 */
public record MetricSpec(
        String id, String unit, String displayName, double min, double max, List<String> states) {
    public MetricSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        displayName = displayName == null ? id : displayName;
        states = states == null ? List.of() : List.copyOf(states);
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max + " for " + id);
        }
        if (!states.isEmpty() && (min != 0 || max != states.size() - 1)) {
            throw new IllegalArgumentException(
                    "a state metric's range is [0, " + (states.size() - 1) + "] for " + id);
        }
    }

    /** A continuous metric. */
    public MetricSpec(String id, String unit, String displayName, double min, double max) {
        this(id, unit, displayName, min, max, List.of());
    }

    /** A metric whose value is the index of one of {@code states} (unit {@code 1}). */
    public static MetricSpec ofStates(String id, String displayName, List<String> states) {
        return new MetricSpec(id, "1", displayName, 0, states.size() - 1, states);
    }

    /**
     * True when the value is finite and within [min, max] (and, for a state metric, a whole
     * number).
     */
    public boolean accepts(double value) {
        return Double.isFinite(value)
                && value >= min
                && value <= max
                && (states.isEmpty() || value == Math.rint(value));
    }
}
