package io.armature.api.plugin;

import java.util.List;

/**
 * One discovered plugin service, snapshot.
 *
 * @param kind its kind
 * @param serviceId the OSGi service id
 * @param name component name or service PID, falling back to the implementation class
 * @param bundleId id of the bundle registering it
 * @param bundleSymbolicName symbolic name of that bundle
 * @param state lifecycle state: {@code ACTIVE} for a registered service, or a driver's {@code
 *     DriverState} (STARTING, RUNNING, BACKOFF, FAILED, STOPPED)
 * @param stateMessage detail of the state, for example a driver's last error; may be null
 * @param configurationPids the configuration PIDs bound to the service (empty when unconfigured)
 */
public record PluginInfo(
        PluginKind kind,
        long serviceId,
        String name,
        long bundleId,
        String bundleSymbolicName,
        String state,
        String stateMessage,
        List<String> configurationPids) {
    public PluginInfo {
        configurationPids = List.copyOf(configurationPids);
    }
}
