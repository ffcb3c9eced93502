package io.armature.boot;

import java.util.List;
import java.util.Map;

/**
 * A feature read from an OSGi Feature JSON file.
 *
 * @param id short id: the artifact part of the feature's Maven id, also the file name
 * @param mavenId the feature's full id as written in the file
 * @param title title
 * @param description description
 * @param bundles bundles in file order
 * @param configurations PID ({@code factoryPid~name} for factory configurations) to typed
 *     properties
 */
public record FeatureDefinition(
        String id,
        String mavenId,
        String title,
        String description,
        List<BundleRef> bundles,
        Map<String, Map<String, Object>> configurations) {
    public FeatureDefinition {
        bundles = List.copyOf(bundles);
        configurations = Map.copyOf(configurations);
    }
}
