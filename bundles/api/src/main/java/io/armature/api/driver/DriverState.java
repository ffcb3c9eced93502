package io.armature.api.driver;

/** State of a driver instance, as the supervisor sees it ({@code state} in the REST API). */
public enum DriverState {
    /** {@code start} is being called. */
    STARTING,
    /** {@code start} returned and the driver has not reported failure since. */
    RUNNING,
    /**
     * The last start failed, hung or the driver reported failure: it is started again at {@link
     * DriverInfo#nextRetryAt()}.
     */
    BACKOFF,
    /**
     * The instance cannot run as configured: its component failed to activate (the message names
     * why, for example an invalid attribute). Not retried until its configuration changes.
     */
    FAILED,
    /**
     * Configured but not running: its bundle or a service it needs is absent, or it was stopped.
     */
    STOPPED
}
