package io.armature.api.driver;

/** State of a driver instance as reported by the driver or its supervisor. */
public enum DriverStatus {
    /** {@code start} was called and has not reported yet. */
    STARTING,
    /** Connected and producing. */
    RUNNING,
    /** Producing with problems (for example some devices unreachable). */
    DEGRADED,
    /** Not producing; the supervisor retries with backoff. */
    FAILED,
    /** Stopped by the supervisor. */
    STOPPED
}
