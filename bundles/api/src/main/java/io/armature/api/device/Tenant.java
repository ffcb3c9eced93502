package io.armature.api.device;

import java.time.Duration;
import java.util.Objects;

/**
 * A tenant: the isolation boundary of devices and data. Every query is scoped to one tenant.
 *
 * @param id identifier, {@code [A-Za-z0-9_.:-]{1,64}}
 * @param name display name
 * @param unknownDevicePolicy what ingest does with samples of devices not yet registered
 * @param retention how long raw samples are kept; null keeps them forever
 */
public record Tenant(
        String id, String name, UnknownDevicePolicy unknownDevicePolicy, Duration retention) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unknownDevicePolicy, "unknownDevicePolicy");
    }
}
