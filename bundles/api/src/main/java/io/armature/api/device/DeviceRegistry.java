package io.armature.api.device;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tenants and their devices. Provided by the core as an OSGi service; thread-safe.
 *
 * <p>Lookups return immutable snapshots. Mutations are validated: a malformed identifier or an
 * unknown tenant raises {@link IllegalArgumentException} naming the problem.
 */
@ProviderType
public interface DeviceRegistry {
    /** All tenants, ordered by id. */
    List<Tenant> tenants();

    /** One tenant, if it exists. */
    Optional<Tenant> tenant(String tenantId);

    /** Devices of a tenant, ordered by id; empty for an unknown tenant. */
    List<Device> devices(String tenantId);

    /** One device, if registered. */
    Optional<Device> device(String tenantId, String deviceId);

    /**
     * Registers a device, or updates name, type and tags of an existing one.
     *
     * @return the stored device
     * @throws IllegalArgumentException for a malformed id or unknown tenant
     */
    Device register(Device device);
}
