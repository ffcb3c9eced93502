package io.armature.driver.mqtt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One configured subscription: a topic template ({@code tenants/{tenant}/devices/{device}/#}), a
 * payload format and its options, parsed from {@code '<template> <format> [option=value ...]'}.
 */
final class Subscription {
    static final Set<String> FORMATS = Set.of("powiot", "json", "value");
    private static final Set<String> PLACEHOLDERS = Set.of("tenant", "device", "metric");
    private static final Set<String> OPTIONS =
            Set.of("tenant", "device", "metric", "qos", "tenant_tag", "device_tag", "zone");

    final String template;
    final String format;
    final Map<String, String> options;
    final int qos;

    /** The filter as subscribed: placeholders replaced by {@code +}, any $share prefix kept. */
    final String filter;

    private final String[] levels;

    private Subscription(String template, String format, Map<String, String> options, int qos) {
        this.template = template;
        this.format = format;
        this.options = options;
        this.qos = qos;
        String topic = template;
        if (topic.startsWith("$share/")) {
            int slash = topic.indexOf('/', "$share/".length());
            topic = slash < 0 ? "" : topic.substring(slash + 1);
        }
        this.levels = topic.split("/", -1);
        StringBuilder filter = new StringBuilder(template.length());
        String[] all = template.split("/", -1);
        for (int i = 0; i < all.length; i++) {
            filter.append(i == 0 ? "" : "/").append(isPlaceholder(all[i]) ? "+" : all[i]);
        }
        this.filter = filter.toString();
    }

    /**
     * Parses one subscription line.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    static Subscription parse(String line, int defaultQos) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException(
                    "subscription '"
                            + line
                            + "' must be '<topic template> <format> [option=value ...]'");
        }
        String template = parts[0];
        String format = parts[1];
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException(
                    "subscription '"
                            + line
                            + "': unknown format '"
                            + format
                            + "'; known: json, powiot, value");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
            if (eq <= 0 || !OPTIONS.contains(key)) {
                throw new IllegalArgumentException(
                        "subscription '"
                                + line
                                + "': '"
                                + parts[i]
                                + "' is not one of "
                                + String.join("=, ", OPTIONS)
                                + "=");
            }
            options.put(key, parts[i].substring(eq + 1));
        }
        int qos = defaultQos;
        if (options.containsKey("qos")) {
            qos =
                    switch (options.get("qos")) {
                        case "0" -> 0;
                        case "1" -> 1;
                        case "2" -> 2;
                        default ->
                                throw new IllegalArgumentException(
                                        "subscription '" + line + "': qos must be 0, 1 or 2");
                    };
        }
        validateTemplate(line, template);
        Subscription subscription = new Subscription(template, format, Map.copyOf(options), qos);
        if (format.equals("value")) {
            for (String needed : List.of("tenant", "device", "metric")) {
                if (!subscription.provides(needed)) {
                    throw new IllegalArgumentException(
                            "subscription '"
                                    + line
                                    + "': format value needs {"
                                    + needed
                                    + "} in the topic or "
                                    + needed
                                    + "=");
                }
            }
        }
        if (format.equals("json") && !subscription.provides("tenant")) {
            throw new IllegalArgumentException(
                    "subscription '"
                            + line
                            + "': format json needs {tenant} in the topic or tenant=");
        }
        if (options.containsKey("zone")) {
            try {
                java.time.ZoneId.of(options.get("zone"));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(
                        "subscription '" + line + "': unknown zone '" + options.get("zone") + "'");
            }
        }
        return subscription;
    }

    private static void validateTemplate(String line, String template) {
        String[] levels = template.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals("#") && i != levels.length - 1) {
                throw new IllegalArgumentException(
                        "subscription '" + line + "': # must be the last level");
            }
            if (level.startsWith("{") || level.endsWith("}")) {
                String name = level.substring(1, Math.max(1, level.length() - 1));
                if (!isPlaceholder(level) || !PLACEHOLDERS.contains(name)) {
                    throw new IllegalArgumentException(
                            "subscription '"
                                    + line
                                    + "': '"
                                    + level
                                    + "' is not {tenant}, {device} or {metric}");
                }
            } else if (level.length() > 1 && (level.contains("+") || level.contains("#"))) {
                throw new IllegalArgumentException(
                        "subscription '" + line + "': wildcards must fill a whole level");
            }
        }
    }

    private static boolean isPlaceholder(String level) {
        return level.length() > 2 && level.startsWith("{") && level.endsWith("}");
    }

    /** True when tenant, device or metric comes from the topic or a fixed option. */
    boolean provides(String key) {
        if (options.containsKey(key)) {
            return true;
        }
        for (String level : levels) {
            if (level.equals("{" + key + "}")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Matches a received topic; the placeholders' values (and fixed options for those not in the
     * topic) when it matches.
     */
    Optional<Map<String, String>> match(String topic) {
        String[] parts = topic.split("/", -1);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals("#")) {
                break;
            }
            if (i >= parts.length) {
                return Optional.empty();
            }
            if (isPlaceholder(level)) {
                values.put(level.substring(1, level.length() - 1), parts[i]);
            } else if (!level.equals("+") && !level.equals(parts[i])) {
                return Optional.empty();
            }
            if (i == levels.length - 1 && parts.length != levels.length) {
                return Optional.empty();
            }
        }
        for (String key : PLACEHOLDERS) {
            if (!values.containsKey(key) && options.containsKey(key)) {
                values.put(key, options.get(key));
            }
        }
        return Optional.of(values);
    }

    static List<Subscription> parseAll(String[] lines, int defaultQos) {
        List<Subscription> result = new ArrayList<>();
        for (String line : lines == null ? new String[0] : lines) {
            if (line != null && !line.isBlank()) {
                result.add(parse(line, defaultQos));
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("at least one subscription is needed");
        }
        return result;
    }
}
