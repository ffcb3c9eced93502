package io.armature.api.driver;

/** What became of a {@link DeviceCommand} ({@code state} in the REST API). */
public enum CommandState {
    /** Handed to the driver, not yet delivered. */
    PENDING,
    /** Delivered; final when the driver expects no answer from the device. */
    DELIVERED,
    /** The device carried it out. */
    SUCCEEDED,
    /** The device or the delivery failed. */
    FAILED,
    /** No final answer before the deadline. */
    TIMED_OUT,
    /** The driver did not take it. */
    REFUSED;

    /** True for states that do not change any more (DELIVERED is final only without answer). */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == REFUSED;
    }
}
