package io.armature.api.alert;

/** How urgent an alert is, lowest first. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
