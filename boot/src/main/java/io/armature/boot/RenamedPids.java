package io.armature.boot;

import java.util.Map;
import java.util.Optional;

/**
 * Configuration PIDs that were renamed, old to new: the implementation class names used before
 * every component got a stable PID. A profile or feature that still names an old PID is refused at
 * start with the new name; configurations stored under an old PID in {@code data/config} are moved
 * to the new one by the feature manager at start.
 */
public final class RenamedPids {
    /** Old PID to the PID that replaced it (two old PIDs may merge into one). */
    public static final Map<String, String> RENAMED =
            Map.of(
                    "io.armature.core.internal.ingest.LiveIngest", "io.armature.ingest",
                    "io.armature.core.internal.storage.StorageWriter", "io.armature.ingest",
                    "io.armature.core.internal.device.DeviceRegistryImpl",
                            "io.armature.device.registry");

    private RenamedPids() {}

    /** The PID that replaced {@code pid}, if it was renamed. */
    public static Optional<String> renamed(String pid) {
        return Optional.ofNullable(RENAMED.get(pid));
    }
}
