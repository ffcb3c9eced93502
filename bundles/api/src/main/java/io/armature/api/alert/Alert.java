package io.armature.api.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert raised by a rule for one series, immutable snapshot.
 *
 * @param id unique id assigned by the core
 * @param tenant tenant id
 * @param device device id
 * @param metric metric id, or null for device-level alerts (for example "no data")
 * @param rule id of the rule that raised it
 * @param severity urgency
 * @param state lifecycle state
 * @param message human-readable description, naming value and threshold
 * @param raisedAt when the condition started, UTC
 * @param updatedAt last state change, UTC
 */
public record Alert(
        String id,
        String tenant,
        String device,
        String metric,
        String rule,
        Severity severity,
        AlertState state,
        String message,
        Instant raisedAt,
        Instant updatedAt) {
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
    }
}
