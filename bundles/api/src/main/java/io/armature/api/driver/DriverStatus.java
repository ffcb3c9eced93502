package io.armature.api.driver;

/**
 * State of a driver instance as shown in the plugin registry and {@code /health}. The supervisor
 * sets {@link #STARTING}, {@link #RUNNING} (when {@code start} returned without the driver
 * reporting otherwise) and {@link #FAILED} (when {@code start} threw); a driver reports any state
 * through {@link DriverContext#status}, and is the only one to set {@link #DEGRADED}.
 */
public enum DriverStatus {
    /** {@code start} is being called (or is due again after a failure). */
    STARTING,
    /** Connected and producing. */
    RUNNING,
    /** Producing with problems (for example some devices unreachable); set by the driver. */
    DEGRADED,
    /** Not producing; after a failed {@code start} the supervisor retries with backoff. */
    FAILED,
    /**
     * Not set by the runtime today: a stopped driver's service is gone, and its status with it. A
     * driver may report it while it is deliberately idle.
     */
    STOPPED
}
