package io.armature.api.device;

import io.armature.api.storage.StorageUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tenants and their devices. Provided by the core as an OSGi service; thread-safe.
 *
 * <p>Lookups return immutable snapshots. Mutations are validated: a malformed identifier, an
 * unknown tenant or a duplicate raises {@link IllegalArgumentException} (or {@link
 * IllegalStateException} for a conflict) naming the problem. Device status is derived from data and
 * heartbeats: {@link DeviceStatus#ONLINE} while the device was seen within the configured timeout;
 * transitions are published to {@link DeviceStatusListener}s.
 */
@ProviderType
public interface DeviceRegistry {
    /** All tenants, ordered by id. */
    List<Tenant> tenants();

    /** One tenant, if it exists. */
    Optional<Tenant> tenant(String tenantId);

    /**
     * Creates a tenant.
     *
     * @throws IllegalArgumentException for a malformed id
     * @throws IllegalStateException when it exists already
     */
    Tenant createTenant(Tenant tenant);

    /**
     * Replaces name, unknown-device policy and retention of an existing tenant.
     *
     * @throws IllegalArgumentException for an unknown tenant
     */
    Tenant updateTenant(Tenant tenant);

    /**
     * Removes a tenant, its devices and its stored data.
     *
     * @return false when there was no such tenant
     * @throws StorageUnavailableException when a storage backend cannot delete the data now;
     *     nothing was removed
     */
    boolean deleteTenant(String tenantId) throws StorageUnavailableException;

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

    /**
     * Removes a device and its stored data.
     *
     * @return false when there was no such device
     * @throws StorageUnavailableException when a storage backend cannot delete the data now;
     *     nothing was removed
     */
    boolean deleteDevice(String tenantId, String deviceId) throws StorageUnavailableException;

    /** Metrics a device has reported or declared, ordered by id; empty when unknown. */
    List<MetricInfo> metrics(String tenantId, String deviceId);

    /**
     * Declares unit and display name of a metric of a registered device (creating the metric).
     *
     * @throws IllegalArgumentException for an unknown device or malformed metric id
     */
    MetricInfo describeMetric(String tenantId, String deviceId, MetricInfo metric);

    /**
     * A sign of life without data (a protocol keep-alive). Marks the device seen now.
     *
     * @throws IllegalArgumentException for an unknown device
     */
    void heartbeat(String tenantId, String deviceId);

    /** Recent status transitions of a device, oldest first (a bounded history). */
    List<DeviceStatusChange> statusHistory(String tenantId, String deviceId);

    /** When the device was last seen, if ever. Cheaper than {@link #device}. */
    Optional<Instant> lastSeen(String tenantId, String deviceId);

    /**
     * Starts the admission of one ingest batch: each sample's tenant and device are looked up, and
     * created or rejected by the tenant's policy; admitted samples mark their device seen. The
     * caller checks the batch's samples in order on one thread, then closes the admission.
     *
     * @return a new admission for one batch
     */
    Admission admission();
}
