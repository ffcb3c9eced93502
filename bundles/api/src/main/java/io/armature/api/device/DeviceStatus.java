package io.armature.api.device;

/** Connectivity of a device as seen from its data and heartbeats. */
public enum DeviceStatus {
    /** Seen within the configured timeout. */
    ONLINE,
    /** Not seen within the configured timeout. */
    OFFLINE,
    /** Never seen since registration. */
    UNKNOWN
}
