package io.armature.api.feature;

import java.util.List;

/**
 * A feature known to the runtime, snapshot.
 *
 * @param id short id, the artifact id of the feature (for example {@code armature-base})
 * @param title one-line title
 * @param description what the feature adds
 * @param enabled whether the feature is enabled now
 * @param required true for features that cannot be disabled (the base set)
 * @param bundles Maven ids of its bundles
 * @param configurationPids PIDs of the configurations it applies ({@code factoryPid~name} for
 *     factory configurations)
 */
public record FeatureInfo(
        String id,
        String title,
        String description,
        boolean enabled,
        boolean required,
        List<String> bundles,
        List<String> configurationPids) {
    public FeatureInfo {
        bundles = List.copyOf(bundles);
        configurationPids = List.copyOf(configurationPids);
    }
}
