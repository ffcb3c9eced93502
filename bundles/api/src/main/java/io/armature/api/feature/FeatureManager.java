package io.armature.api.feature;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Enables and disables features at runtime and reports the active profile. Provided by the core;
 * thread-safe (changes are serialised). A change is persisted under the data directory and survives
 * a restart.
 */
@ProviderType
public interface FeatureManager {
    /** Name of the active customer profile, for example {@code demo}. */
    String activeProfile();

    /** All features in the runtime's {@code features/} directory, ordered by id. */
    List<FeatureInfo> features();

    /** One feature, if known. */
    Optional<FeatureInfo> feature(String id);

    /**
     * Enables or disables a feature: installs and starts its bundles and applies its
     * configurations, or removes configurations and uninstalls bundles no other enabled feature
     * uses. Idempotent.
     *
     * @return the feature after the change
     * @throws java.util.NoSuchElementException for an unknown feature
     * @throws IllegalStateException when the feature is required, or a bundle failed to install
     *     (the message names the bundle and the reason)
     */
    FeatureInfo setEnabled(String id, boolean enabled);
}
