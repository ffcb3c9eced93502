package io.armature.api.feature;

import java.util.Objects;

/**
 * A configuration PID as features, profiles and the REST API write it: a singleton PID such as
 * {@code io.armature.ingest}, or a factory configuration {@code factoryPid~name} such as {@code
 * io.armature.storage.postgres~main} (the OSGi Configurator and Feature convention).
 *
 * @param base the singleton PID, or the factory PID of a factory configuration
 * @param name the factory configuration's name; null for a singleton
 */
public record ConfigurationPid(String base, String name) {
    public ConfigurationPid {
        Objects.requireNonNull(base, "base");
        if (base.isEmpty() || (name != null && name.isEmpty())) {
            throw new IllegalArgumentException("empty PID or factory configuration name");
        }
    }

    /**
     * Reads {@code pid} or {@code factoryPid~name}; the first {@code ~} separates the two.
     *
     * @throws IllegalArgumentException for an empty PID or name
     */
    public static ConfigurationPid parse(String pid) {
        int tilde = pid.indexOf('~');
        return tilde < 0
                ? new ConfigurationPid(pid, null)
                : new ConfigurationPid(pid.substring(0, tilde), pid.substring(tilde + 1));
    }

    /** True for a factory configuration. */
    public boolean isFactory() {
        return name != null;
    }

    /** The PID as written: {@code base} or {@code base~name}. */
    @Override
    public String toString() {
        return name == null ? base : base + "~" + name;
    }
}
