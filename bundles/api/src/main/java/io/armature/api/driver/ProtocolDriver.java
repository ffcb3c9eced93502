package io.armature.api.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol driver: one configured connection to a broker, server, bus or simulated device that
 * produces samples. Register an implementation as an OSGi service (typically a DS component with a
 * factory configuration, one instance per connection); the core's driver supervisor starts it.
 *
 * <p><b>Lifecycle.</b> When the service appears, the core's driver supervisor calls {@link
 * #start(DriverContext)} on its own thread ({@code armature-driver-supervisor}), which it shares
 * with every other driver: {@code start} must return quickly, doing I/O on the driver's own threads
 * or a scheduler and reporting progress with {@link DriverContext#status}. An exception thrown by
 * {@code start} marks the driver {@link DriverStatus#FAILED} with the exception's message, and
 * {@code start} is called again on the same instance after a backoff (1 s, doubling up to 60 s)
 * until it returns normally or the service goes; a start must therefore clean up after itself when
 * it throws. When the service goes, {@link #stop()} is called once, on the same thread, and only if
 * a {@code start} had returned normally. A driver's failures never affect other drivers.
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
     * @throws Exception when the driver cannot start; reported and retried with backoff
     */
    void start(DriverContext context) throws Exception;

    /** Stops producing; release connections and threads. Must not throw. */
    void stop();

    /**
     * Executes a command addressed to one of this driver's devices (actuation).
     *
     * <p><b>Not yet called by the runtime</b>: no REST endpoint or rule sends commands today. The
     * actuation work will call it and may reshape this method when it does; the intended contract
     * is a call on a core thread that may block for the device round trip.
     *
     * @return the outcome; the default refuses every command
     */
    default CommandResult execute(DeviceCommand command) {
        return CommandResult.refused("driver does not accept commands");
    }
}
