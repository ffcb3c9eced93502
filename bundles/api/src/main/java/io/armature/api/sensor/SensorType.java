package io.armature.api.sensor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sensor model: the metrics a kind of device produces, their valid ranges, how often it reports,
 * and how to simulate it. Register as an OSGi service; the id is what a device's {@code type}
 * names. Implementations are immutable and thread-safe.
 *
 * <p>What the runtime does with it today: ingest rejects a sample of a device whose {@code type} is
 * this id when the sample's metric is one of {@link #metrics()} and {@link MetricSpec#accepts}
 * refuses its value (reason {@code out_of_range}); metrics the type does not list are not checked,
 * and a device without a type, or whose type no service provides, is not range-checked at all.
 * {@code GET /api/v1/sensor-types} lists every registered type.
 */
@ConsumerType
public interface SensorType {
    /** Type id, for example {@code humidity} or {@code airSensor}. */
    String id();

    /** One line for humans. */
    String description();

    /** The metrics produced, in a stable order. */
    List<MetricSpec> metrics();

    /** How often a device of this type is expected to report. */
    Duration samplingInterval();

    /** The metric with this id, when the type has it. */
    default Optional<MetricSpec> metric(String metricId) {
        return metrics().stream().filter(m -> m.id().equals(metricId)).findFirst();
    }

    /**
     * A new, independent simulator of one device of this type: the values it produces before any
     * perturbation and before rounding to the output resolution.
     *
     * @param seed seed of the simulator's randomness: the same seed gives the same values
     */
    SensorSimulator simulator(long seed);
}
