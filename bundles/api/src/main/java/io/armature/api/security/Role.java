package io.armature.api.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a grant allows. {@link #ADMIN} includes every other role, {@link #OPERATOR} includes {@link
 * #VIEWER}, {@link #INGEST} and {@link #METRICS}, {@link #VIEWER} includes {@link #METRICS}; {@link
 * #INGEST} (devices sending data) and {@link #METRICS} (Prometheus scrapers) include nothing else.
 */
public enum Role {
    /** Read {@code /health} details and {@code /health/metrics}. */
    METRICS,
    /** Send samples and heartbeats: the role of a device or a driver's credentials. */
    INGEST,
    /** Read everything of its scope, change nothing. */
    VIEWER,
    /** Manage devices, drivers and samples, acknowledge alerts. */
    OPERATOR,
    /** The system: bundles, features, configurations, users and tokens. */
    ADMIN;

    /** True when a grant of this role allows what {@code required} protects. */
    public boolean includes(Role required) {
        return switch (this) {
            case ADMIN -> true;
            case OPERATOR -> required != ADMIN;
            case VIEWER -> required == VIEWER || required == METRICS;
            case INGEST -> required == INGEST;
            case METRICS -> required == METRICS;
        };
    }

    /** The role's name in JSON and configuration: {@code admin}, {@code operator}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code id} (as {@link #id()} spells it), if any. */
    public static Optional<Role> parse(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
