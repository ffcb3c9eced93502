package io.armature.device.internal;

import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sensor.MetricSpec;
import io.armature.api.sensor.SensorType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The valid ranges of the registered sensor types, by type id and metric id, for ingest: a sample
 * of a device whose type is a registered sensor type, for a metric that type lists (by its id, or
 * as {@code <sensor>.<metric id>}, the naming of simulated sensors), is rejected as {@code
 * out_of_range} when the metric refuses its value. Types come and go with their services.
 * Thread-safe.
 */
final class SensorRanges {
    static final String OUT_OF_RANGE = "out_of_range";

    private final Map<String, Map<String, MetricSpec>> byType = new ConcurrentHashMap<>();

    void add(SensorType type) {
        byType.put(
                type.id(),
                type.metrics().stream()
                        .collect(
                                Collectors.toUnmodifiableMap(MetricSpec::id, Function.identity())));
    }

    void remove(SensorType type) {
        byType.remove(type.id());
    }

    /** The metrics of a registered type by id; null for a type no service provides. */
    Map<String, MetricSpec> of(String typeId) {
        return typeId == null ? null : byType.get(typeId);
    }

    /** Why the sample is out of its device type's range, or empty. */
    static Optional<Rejection> check(
            int index, Sample sample, String typeId, Map<String, MetricSpec> metrics) {
        MetricSpec spec = metrics.get(sample.metric());
        int dot = sample.metric().lastIndexOf('.');
        if (spec == null && dot >= 0) { // a simulated sensor's "<sensor>.<metric>"
            spec = metrics.get(sample.metric().substring(dot + 1));
        }
        if (spec == null || spec.accepts(sample.value())) {
            return Optional.empty();
        }
        String range =
                spec.states().isEmpty()
                        ? "[" + format(spec.min()) + ", " + format(spec.max()) + "] " + spec.unit()
                        : "one of the state codes 0.."
                                + (spec.states().size() - 1)
                                + " "
                                + spec.states();
        return Optional.of(
                new Rejection(
                        index,
                        OUT_OF_RANGE,
                        "value "
                                + sample.value()
                                + " of metric '"
                                + sample.metric()
                                + "' is outside "
                                + range
                                + ", the valid range of sensor type '"
                                + typeId
                                + "' (device '"
                                + sample.device()
                                + "')"));
    }

    private static String format(double bound) {
        if (Double.isInfinite(bound)) {
            return bound > 0 ? "∞" : "-∞";
        }
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
