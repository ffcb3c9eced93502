package io.armature.api.sensor;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sensor model: the metrics a kind of device produces and how to simulate it. Register as an OSGi
 * service; the core uses it to validate ranges of devices of this type, and simulators use it to
 * generate data. Implementations are immutable and thread-safe.
 */
@ConsumerType
public interface SensorType {
    /** Type id, for example {@code temperature-humidity}. */
    String id();

    /** The metrics produced, in a stable order. */
    List<MetricSpec> metrics();

    /**
     * A new, independent simulator of one device of this type.
     *
     * @param seed seed of the simulator's randomness, for reproducible runs
     */
    SensorSimulator simulator(long seed);
}
