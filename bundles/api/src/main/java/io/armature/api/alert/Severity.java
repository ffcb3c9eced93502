package io.armature.api.alert;

import java.util.Locale;

/** How urgent an alert is, lowest first (so {@code compareTo} orders by urgency). */
public enum Severity {
    INFO,
    WARNING,
    MINOR,
    MAJOR,
    CRITICAL;

    /** The REST and configuration name: {@code info}, {@code warning}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The severity of a REST or configuration name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Severity of(String name) {
        for (Severity severity : values()) {
            if (severity.id().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return severity;
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + name + "'; one of critical, major, minor, warning, info");
    }
}
