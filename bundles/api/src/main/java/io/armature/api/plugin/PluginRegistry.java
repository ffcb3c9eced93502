package io.armature.api.plugin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every plugin service present in the runtime, by kind. Provided by the core; thread-safe; answers
 * a snapshot that follows services as bundles come and go.
 */
@ProviderType
public interface PluginRegistry {
    /** All plugins, ordered by kind then name. */
    List<PluginInfo> plugins();
}
