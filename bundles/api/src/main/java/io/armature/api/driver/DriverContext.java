package io.armature.api.driver;

import io.armature.api.sample.IngestResult;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the core hands one start of a {@link ProtocolDriver}: where to publish samples and where to
 * report trouble. Thread-safe. Each start gets a new context; a context whose start failed or was
 * followed by a stop ignores every report ({@link #failed}, {@link #problem}, {@link #rejected})
 * and its {@link #publish} still works, so late calls of a driver's own threads are harmless.
 */
@ProviderType
public interface DriverContext {
    /**
     * Identifier of this driver instance: its configuration PID ({@code factoryPid~name} for a
     * factory configuration), or its component name when it has no configuration.
     */
    String driverId();

    /**
     * Publishes samples into ingest. Blocks for at most {@code maxWait} when ingest is saturated;
     * the result says what was accepted, rejected and whether to retry (see {@link
     * io.armature.api.sample.IngestService}). Accepted samples count as the driver's {@code
     * samples_in}, rejections by reason as its {@code samples_rejected}, and the devices of
     * accepted samples become owned by this driver (commands to them are routed here).
     *
     * @throws InterruptedException if interrupted while blocked
     */
    IngestResult publish(SampleBatch batch, Duration maxWait) throws InterruptedException;

    /**
     * Counts samples the driver itself refused before ingest (a malformed payload, say) under a
     * reason code such as {@code malformed_json}, shown with the ingest rejections in the driver's
     * {@code samples_rejected}.
     *
     * @param reason machine-readable reason, snake_case
     * @param count how many samples (or messages, when no sample could be read) were refused
     */
    void rejected(String reason, long count);

    /**
     * Reports that the running driver cannot go on (its connection dropped, its server refused it):
     * the supervisor stops it and starts it again after the backoff. Returns at once; the stop
     * happens on the driver's supervisor thread, never on the caller's.
     *
     * @param reason shown as the driver's {@code last_error}
     */
    void failed(String reason);

    /**
     * Reports a problem the running driver lives with (some devices unreachable, a dead-letter
     * topic refused), shown as its {@code last_error} while its state stays {@code running}; null
     * clears it.
     */
    void problem(String message);

    /**
     * Claims a device for command routing without data from it (a device that opened a command
     * stream, say). Publishing a device's samples claims it too.
     */
    void owns(String tenant, String device);
}
