package io.armature.api.driver;

import io.armature.api.sample.IngestResult;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the core hands a running {@link ProtocolDriver}: where to publish samples and where to
 * report status. Thread-safe; valid from {@code start} until {@code stop} returns.
 */
@ProviderType
public interface DriverContext {
    /** Identifier of this driver instance (its configuration PID, or component name). */
    String driverId();

    /**
     * Publishes samples into ingest. Blocks for at most {@code maxWait} when ingest is saturated;
     * the result says what was accepted, rejected and whether to retry (see {@link
     * io.armature.api.sample.IngestService}).
     *
     * @throws InterruptedException if interrupted while blocked
     */
    IngestResult publish(SampleBatch batch, Duration maxWait) throws InterruptedException;

    /**
     * Reports the driver's state, shown in the plugin registry and the console.
     *
     * @param status new status
     * @param message human-readable detail, for example the connection error; may be null
     */
    void status(DriverStatus status, String message);
}
