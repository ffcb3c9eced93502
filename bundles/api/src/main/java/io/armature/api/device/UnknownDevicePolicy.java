package io.armature.api.device;

/** What ingest does with a sample whose device is not registered in its tenant. */
public enum UnknownDevicePolicy {
    /** Register the device on first sight and accept the sample. */
    AUTO_REGISTER,
    /** Reject the sample with reason {@code unknown_device}. */
    REJECT
}
