package io.armature.api.sensor;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sensor model: the metrics a kind of device produces and how to simulate it. Register as an OSGi
 * service. Implementations are immutable and thread-safe.
 *
 * <p><b>Not yet used by the runtime.</b> Today the core only lists registered sensor types in the
 * plugin registry: ingest does not check samples against {@link MetricSpec#accepts} ranges, and no
 * simulator driver creates devices from a type. The sensor-model work will do both and may reshape
 * this interface when it does.
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
