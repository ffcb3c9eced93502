package io.armature.alerts.internal.rest;

import io.armature.alerts.internal.store.AlertStore;
import io.armature.api.alert.Alert;
import io.armature.api.alert.AlertChange;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of alerts, their events and changes (snake_case, ISO-8601 UTC times). */
public final class AlertViews {
    private AlertViews() {}

    public static Map<String, Object> view(Alert alert) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", String.valueOf(alert.id()));
        view.put("tenant", alert.tenant());
        view.put("rule", alert.rule());
        view.put("rule_type", alert.ruleType());
        view.put("device", alert.device());
        view.put("metric", alert.metric());
        view.put("severity", alert.severity().id());
        view.put("state", alert.state().id());
        view.put("active", alert.active());
        view.put("acknowledged", alert.acknowledged());
        view.put("message", alert.message());
        view.put("trigger_value", alert.triggerValue());
        view.put("triggered_at", alert.triggeredAt());
        view.put("last_value", alert.lastValue());
        view.put("last_value_at", alert.lastValueAt());
        view.put("count", alert.count());
        view.put("created_at", alert.createdAt());
        view.put("updated_at", alert.updatedAt());
        view.put("acknowledged_at", alert.acknowledgedAt());
        view.put("acknowledged_by", alert.acknowledgedBy());
        view.put("cleared_at", alert.clearedAt());
        view.put("cleared_by", alert.clearedBy());
        return view;
    }

    static Map<String, Object> view(AlertStore.Event event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", String.valueOf(event.id()));
        view.put("kind", event.kind());
        view.put("at", event.at());
        view.put("by", event.by());
        view.put("comment", event.comment());
        view.put("value", event.value());
        return view;
    }

    public static Map<String, Object> view(AlertChange change) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", change.kind().name().toLowerCase(java.util.Locale.ROOT));
        view.put("at", change.at());
        view.put("by", change.by());
        view.put("comment", change.comment());
        view.put("alert", view(change.alert()));
        return view;
    }
}
