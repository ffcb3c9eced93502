package io.armature.api.alert;

import java.util.Locale;

/**
 * The four combined states of an alert's two independent axes: active or cleared (decided by the
 * rule, or cleared by an operator) and acknowledged or not (decided by an operator).
 */
public enum AlertState {
    ACTIVE_UNACK,
    ACTIVE_ACK,
    CLEARED_UNACK,
    CLEARED_ACK;

    /** The state of these two axes. */
    public static AlertState of(boolean active, boolean acknowledged) {
        if (active) {
            return acknowledged ? ACTIVE_ACK : ACTIVE_UNACK;
        }
        return acknowledged ? CLEARED_ACK : CLEARED_UNACK;
    }

    /** The REST name: {@code active_unack}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
