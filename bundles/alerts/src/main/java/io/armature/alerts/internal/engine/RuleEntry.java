package io.armature.alerts.internal.engine;

import io.armature.api.alert.AlertRule;
import io.armature.api.alert.Severity;
import io.armature.api.device.Device;
import io.armature.api.sample.Sample;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A registered rule with what the engine reads from its service properties: id, tenant, type,
 * severity, scope, pending and keep-firing periods. Scope lists match exactly, or with {@code *} as
 * a wildcard; empty lists match everything; tags are {@code key=value}, all of which must hold.
 */
final class RuleEntry {
    final AlertRule rule;
    final String pid;
    final String id;
    final String tenant;
    final String type;
    final Severity severity;
    final List<String> devices;
    final List<String> deviceTypes;
    final List<String> tags;
    final List<String> metrics;
    final long forMicros;
    final long keepFiringMicros;

    private RuleEntry(AlertRule rule, Map<String, Object> properties) {
        this.rule = rule;
        this.pid = String.valueOf(properties.get("service.pid"));
        this.tenant = text(properties.get(AlertRule.TENANT));
        if (tenant == null || tenant.isEmpty()) {
            throw new IllegalArgumentException(AlertRule.TENANT + " missing");
        }
        String name = pid.substring(pid.indexOf('~') + 1);
        this.id = name.startsWith(tenant + ".") ? name.substring(tenant.length() + 1) : name;
        Object typed = properties.get(AlertRule.TYPE_PROPERTY);
        this.type = typed == null ? "custom" : typed.toString();
        String severityName = text(properties.get(AlertRule.SEVERITY));
        this.severity = severityName == null ? Severity.WARNING : Severity.of(severityName);
        this.devices = list(properties.get(AlertRule.DEVICES));
        this.deviceTypes = list(properties.get(AlertRule.DEVICE_TYPES));
        this.tags = list(properties.get(AlertRule.TAGS));
        this.metrics = list(properties.get(AlertRule.METRICS));
        this.forMicros = seconds(properties.get(AlertRule.FOR_SECONDS));
        this.keepFiringMicros = seconds(properties.get(AlertRule.KEEP_FIRING_SECONDS));
    }

    /** The entry of a rule service, or an explanation why the engine cannot run it. */
    static RuleEntry of(AlertRule rule, Map<String, Object> properties) {
        return new RuleEntry(rule, properties);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
    }

    private static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> items =
                value instanceof String[] array
                        ? Arrays.asList(array)
                        : value instanceof java.util.Collection<?> c
                                ? c.stream().map(String::valueOf).toList()
                                : List.of(value.toString().split(","));
        return items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static long seconds(Object value) {
        if (value == null) {
            return 0;
        }
        long seconds = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
        if (seconds < 0) {
            throw new IllegalArgumentException("negative duration " + seconds);
        }
        return Duration.ofSeconds(seconds).toNanos() / 1000;
    }

    /** Whether the sample's metric is in scope (the cheap test, before the device's). */
    boolean coversMetric(String metric) {
        return matchesAny(metrics, metric);
    }

    /** Whether the device (null when not registered) is in scope. */
    boolean coversDevice(String device, Device registered) {
        if (!matchesAny(devices, device)) {
            return false;
        }
        if (!deviceTypes.isEmpty()
                && (registered == null || !matchesAny(deviceTypes, registered.type()))) {
            return false;
        }
        for (String tag : tags) {
            int equals = tag.indexOf('=');
            String key = equals < 0 ? tag : tag.substring(0, equals);
            String wanted = equals < 0 ? null : tag.substring(equals + 1);
            String has = registered == null ? null : registered.tags().get(key);
            if (has == null || (wanted != null && !matches(wanted, has))) {
                return false;
            }
        }
        return true;
    }

    boolean covers(Sample sample, Device registered) {
        return tenant.equals(sample.tenant())
                && coversMetric(sample.metric())
                && coversDevice(sample.device(), registered);
    }

    /** Exact metric names of the scope (for the engine's index); empty when any may match. */
    List<String> exactMetrics() {
        return metrics.stream().anyMatch(m -> m.contains("*")) ? List.of() : metrics;
    }

    static boolean matchesAny(List<String> patterns, String value) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String pattern : patterns) {
            if (matches(pattern, value)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        if (!pattern.contains("*")) {
            return pattern.equals(value);
        }
        String[] parts = pattern.split("\\*", -1);
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                if (!value.startsWith(part)) {
                    return false;
                }
                at = part.length();
            } else if (i == parts.length - 1) {
                return value.length() - part.length() >= at && value.endsWith(part);
            } else {
                int found = value.indexOf(part, at);
                if (found < 0) {
                    return false;
                }
                at = found + part.length();
            }
        }
        return at == value.length();
    }
}
