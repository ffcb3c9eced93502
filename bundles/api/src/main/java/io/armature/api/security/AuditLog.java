package io.armature.api.security;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only record of security-relevant actions. The REST layer records every state-changing
 * request itself (who, what, on which path, with which outcome); bundles record actions that do not
 * arrive over REST (a driver rejecting a device's credentials, for example). Never put a secret in
 * an event.
 */
@ProviderType
public interface AuditLog {
    /** Appends an event; never throws (a failure to write is logged). */
    void record(Event event);

    /**
     * One action.
     *
     * @param time when it happened
     * @param actor the user (or {@code token:<id>}, {@code system}) who did it
     * @param action what, as {@code <thing>.<verb>}: {@code bundle.install}, {@code
     *     auth.login_failed}
     * @param target what it was done to (a path, a PID, a user name)
     * @param outcome {@code success}, {@code denied} or {@code failed}, optionally with a status
     * @param details more, without secrets
     */
    record Event(
            Instant time,
            String actor,
            String action,
            String target,
            String outcome,
            Map<String, String> details) {
        public Event {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            details = details == null ? Map.of() : Map.copyOf(details);
        }
    }
}
