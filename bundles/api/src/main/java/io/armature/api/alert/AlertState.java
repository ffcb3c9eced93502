package io.armature.api.alert;

/** Lifecycle of an alert: raised by a rule, acknowledged by an operator, cleared by the rule. */
public enum AlertState {
    ACTIVE,
    ACKNOWLEDGED,
    CLEARED
}
