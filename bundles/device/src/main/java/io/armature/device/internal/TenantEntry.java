package io.armature.device.internal;

import io.armature.api.device.Tenant;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registry's live record of one tenant and its devices. */
final class TenantEntry {
    volatile Tenant tenant;
    final Instant createdAt;
    final Map<String, DeviceEntry> devices = new ConcurrentHashMap<>();

    TenantEntry(Tenant tenant, Instant createdAt) {
        this.tenant = tenant;
        this.createdAt = createdAt;
    }
}
