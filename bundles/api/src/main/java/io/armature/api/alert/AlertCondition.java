package io.armature.api.alert;

import java.time.Instant;

/**
 * What a rule reports for one series after evaluating samples: the condition holds (raise or keep
 * the alert) or does not (clear it). The core turns conditions into {@link Alert} state changes,
 * de-duplicates them and calls notifiers.
 *
 * @param tenant tenant id
 * @param device device id
 * @param metric metric id, null for device-level conditions
 * @param active true while the alert condition holds
 * @param severity urgency when active
 * @param message explanation, naming the value and the threshold
 * @param at time of the sample that decided the condition, UTC
 */
public record AlertCondition(
        String tenant,
        String device,
        String metric,
        boolean active,
        Severity severity,
        String message,
        Instant at) {}
