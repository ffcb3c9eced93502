package io.armature.api.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol driver: one configured connection to a broker, server, bus or simulated device that
 * produces samples. Register an implementation as an OSGi service, typically a DS component with a
 * required factory configuration (one instance per connection) and a {@link DriverType}, so that
 * operators can create instances with {@code POST /api/v1/drivers}.
 *
 * <p><b>Lifecycle.</b> The core's driver supervisor calls {@link #start(DriverContext)} when the
 * service appears, on a thread of this driver instance's own ({@code armature-driver-<id>}): a
 * start may block (connecting to a broker, say) without delaying any other driver. A start that
 * does not return within the supervisor's start timeout (30 s by default) is abandoned: its thread
 * is interrupted, the attempt counts as a failure, and the next attempt runs on a new thread.
 *
 * <p><b>Failure and backoff.</b> A driver fails when {@code start} throws (or hangs), or when it
 * calls {@link DriverContext#failed} later, for example because its connection dropped. The
 * supervisor then calls {@link #stop()} (if a start had returned), waits (1 s, doubling up to 5
 * minutes; back to 1 s once the driver ran for a stable period, 60 s by default) and calls {@code
 * start} again on the same instance, with a new context. A start must therefore clean up after
 * itself when it throws, and a stopped driver must be startable again. When the service goes (its
 * configuration changed or was deleted, its bundle stopped), {@code stop} is called once if a start
 * had returned. Start and stop of one instance never overlap, and the stop of a replaced instance
 * (same configuration PID) finishes before its successor starts. A driver's failures never affect
 * other drivers.
 *
 * <p>While the ingest service is briefly absent (its bundle updated or restarting), {@link
 * DriverContext#publish} answers with {@code retryAfter} and reason {@link
 * io.armature.api.sample.IngestResult#STOPPING}; the driver is not restarted.
 */
@ConsumerType
public interface ProtocolDriver {
    /**
     * Starts producing samples into the context. The context stays valid until {@link #stop()}.
     *
     * @throws Exception when the driver cannot start; reported as its {@code last_error} and
     *     retried with backoff
     */
    void start(DriverContext context) throws Exception;

    /** Stops producing; release connections and threads. Must not throw; bounded by a timeout. */
    void stop();

    /**
     * Whether this driver can deliver commands ({@link #execute}). Devices owned by a driver that
     * answers false get a 409 for a command instead of a queued command that can only fail.
     *
     * @return false by default
     */
    default boolean acceptsCommands() {
        return false;
    }

    /**
     * Delivers a command to one of this driver's devices. Called only while the driver runs and
     * only when {@link #acceptsCommands()} is true, on a core thread; it must not block for the
     * device round trip: report progress through the callback, from any thread, at any later time
     * before {@link DeviceCommand#deadline()}. The core marks the command {@code timed_out} when no
     * final answer came by then.
     *
     * @param command what to deliver and to whom
     * @param callback where to report delivery and outcome; the default refuses every command
     */
    default void execute(DeviceCommand command, CommandCallback callback) {
        callback.refused("driver does not accept commands");
    }

    /**
     * Driver-specific state shown as {@code details} in {@code GET /api/v1/drivers/{id}}, for
     * example the health of each mapped node of an OPC UA server. Keys are snake_case; values are
     * JSON values (String, Number, Boolean, null, {@link java.time.Instant}, List, Map). Called on
     * REST threads at any time, also while the driver is in backoff: it must be cheap, thread-safe
     * and must not throw.
     *
     * @return an empty map by default
     */
    default java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
