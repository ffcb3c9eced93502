package io.armature.api.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of an alert, as the live stream and notifiers see it.
 *
 * @param kind what happened
 * @param alert the alert after the change
 * @param by who made it: {@code rule} for the engine, else the user
 * @param comment the comment's text for {@link Kind#COMMENTED}, else null
 * @param at when it happened
 */
public record AlertChange(Kind kind, Alert alert, String by, String comment, Instant at) {
    /** Kinds of change. */
    public enum Kind {
        /** A new alert was raised. */
        OPENED,
        /** An active alert's condition triggered again (its count went up). */
        RETRIGGERED,
        /** An operator acknowledged it. */
        ACKNOWLEDGED,
        /** It cleared: the condition ended, or an operator cleared it. */
        CLEARED,
        /** Someone commented on it. */
        COMMENTED
    }

    public AlertChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(at, "at");
    }
}
