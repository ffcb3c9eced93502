package io.armature.api.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol driver: one configured connection to a broker, server, bus or simulated device that
 * produces samples. Register an implementation as an OSGi service (typically a DS component with a
 * factory configuration, one instance per connection); the core's driver supervisor starts it.
 *
 * <p><b>Lifecycle.</b> The supervisor calls {@link #start(DriverContext)} once, on a framework
 * thread, then {@link #stop()} once when the service goes away. Both must return quickly: do I/O on
 * your own threads or a scheduler and report progress with {@link DriverContext#status}. An
 * exception thrown by {@code start} marks the driver {@link DriverStatus#FAILED} with the
 * exception's message and the supervisor retries with backoff; it never affects other drivers.
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
     * Executes a command addressed to one of this driver's devices (actuation). Called on a core
     * thread; may block for the duration of the device round trip.
     *
     * @return the outcome; the default refuses every command
     */
    default CommandResult execute(DeviceCommand command) {
        return CommandResult.refused("driver does not accept commands");
    }
}
