package io.armature.device.internal;

import io.armature.api.device.Tenant;
import io.armature.api.device.UnknownDevicePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's live state — tenants with their devices and metrics — and its file. Lookups are
 * lock-free; structural changes synchronize on this object and are saved at once, last-seen times
 * are saved by {@link #saveIfSeen()}.
 */
final class RegistryState {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryState.class);

    final Map<String, TenantEntry> tenants = new ConcurrentHashMap<>();
    private final RegistryFile file;
    private final Clock clock;
    volatile boolean autoCreateTenants;
    private volatile boolean lastSeenDirty;

    RegistryState(Path file, Clock clock, boolean autoCreateTenants) {
        this.file = new RegistryFile(file);
        this.clock = clock;
        this.autoCreateTenants = autoCreateTenants;
        try {
            tenants.putAll(this.file.load());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read the device registry " + file + ": " + e.getMessage(), e);
        }
    }

    Optional<DeviceEntry> entry(String tenantId, String deviceId) {
        TenantEntry tenant = tenants.get(tenantId);
        return tenant == null
                ? Optional.empty()
                : Optional.ofNullable(tenant.devices.get(deviceId));
    }

    /** The device's entry; throws naming tenant and device when there is none. */
    DeviceEntry requireEntry(String tenantId, String deviceId) {
        return entry(tenantId, deviceId)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no device '"
                                                + deviceId
                                                + "' in tenant '"
                                                + tenantId
                                                + "'"));
    }

    TenantEntry requireTenant(String tenantId) {
        TenantEntry entry = tenants.get(tenantId);
        if (entry == null) {
            throw new IllegalArgumentException("no tenant '" + tenantId + "'");
        }
        return entry;
    }

    /** The tenant's entry, created when unknown tenants are auto-created; null otherwise. */
    TenantEntry tenantForIngest(String tenantId) {
        TenantEntry entry = tenants.get(tenantId);
        if (entry != null || !autoCreateTenants) {
            return entry;
        }
        synchronized (this) {
            return tenants.computeIfAbsent(
                    tenantId,
                    id -> {
                        LOG.info("tenant {} created by its first sample", id);
                        return new TenantEntry(
                                new Tenant(id, id, UnknownDevicePolicy.AUTO_REGISTER, null),
                                Instant.ofEpochMilli(clock.millis()));
                    });
        }
    }

    DeviceEntry registerForIngest(TenantEntry tenant, String deviceId) {
        return tenant.devices.computeIfAbsent(
                deviceId,
                id ->
                        new DeviceEntry(
                                tenant.tenant.id(),
                                id,
                                id,
                                null,
                                Map.of(),
                                Instant.ofEpochMilli(clock.millis())));
    }

    void markSeen() {
        lastSeenDirty = true;
    }

    /** Saves when last-seen times or statuses changed since the last save. */
    void saveIfSeen() {
        if (lastSeenDirty) {
            lastSeenDirty = false;
            save();
        }
    }

    synchronized void save() {
        try {
            file.save(tenants.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the device registry " + file.path(), e);
        }
    }
}
