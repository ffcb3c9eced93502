package io.armature.api.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert, immutable snapshot. There is at most one active alert per key (rule, tenant, device,
 * metric): a rule that triggers again while its alert is active updates that alert ({@link
 * #count()}, last value) instead of raising a new one; after it cleared, the next trigger raises a
 * new alert.
 *
 * @param id the alert's number, unique in the database
 * @param tenant tenant id
 * @param rule id of the rule that raised it (unique in the tenant)
 * @param ruleType the rule's type ({@code threshold}, ...)
 * @param device device id
 * @param metric metric id, null for device-level alerts
 * @param severity urgency
 * @param active true until the rule (or an operator) cleared it
 * @param acknowledged true once an operator acknowledged it
 * @param message what triggered it, naming value and condition
 * @param triggerValue the value that completed the condition, null when there was none (no data)
 * @param triggeredAt when the condition began to hold (its pending period included)
 * @param lastValue the latest value seen for the series while the alert was active
 * @param lastValueAt the time of that value
 * @param count how often the condition was triggered while the alert was active (1 at first)
 * @param createdAt when the alert was raised
 * @param updatedAt its latest change
 * @param acknowledgedAt when it was acknowledged, null if not
 * @param acknowledgedBy who acknowledged it
 * @param clearedAt when it cleared, null while active
 * @param clearedBy who cleared it: {@code rule} when the condition ended, else the user
 */
public record Alert(
        long id,
        String tenant,
        String rule,
        String ruleType,
        String device,
        String metric,
        Severity severity,
        boolean active,
        boolean acknowledged,
        String message,
        Double triggerValue,
        Instant triggeredAt,
        Double lastValue,
        Instant lastValueAt,
        long count,
        Instant createdAt,
        Instant updatedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant clearedAt,
        String clearedBy) {
    public Alert {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(severity, "severity");
    }

    /** The combined state of the two axes. */
    public AlertState state() {
        return AlertState.of(active, acknowledged);
    }
}
