package io.armature.api.security;

import java.util.Objects;

/**
 * One role, given globally or within one tenant (and, for {@link Role#INGEST}, optionally one
 * device of it).
 *
 * @param role what is allowed
 * @param tenant the one tenant it applies to, or null for every tenant and the system
 * @param device the one device it applies to (within {@code tenant}), or null for all of them
 */
public record Grant(Role role, String tenant, String device) {
    public Grant {
        Objects.requireNonNull(role, "role");
        if (device != null && tenant == null) {
            throw new IllegalArgumentException("a device grant needs a tenant");
        }
    }

    /** A global grant of {@code role}. */
    public static Grant global(Role role) {
        return new Grant(role, null, null);
    }

    /** A grant of {@code role} within one tenant. */
    public static Grant tenant(Role role, String tenant) {
        return new Grant(role, Objects.requireNonNull(tenant, "tenant"), null);
    }

    /** True when it applies to every tenant and the system. */
    public boolean isGlobal() {
        return tenant == null;
    }

    /**
     * True when this grant allows {@code required} on {@code tenant}'s resource (or device of it).
     *
     * @param tenant the tenant of the resource, or null for a system resource (only global grants
     *     apply)
     * @param device the device of the resource, or null when it is not a device's
     */
    public boolean permits(Role required, String tenant, String device) {
        if (!role.includes(required)) {
            return false;
        }
        if (this.tenant == null) {
            return true;
        }
        if (!this.tenant.equals(tenant)) {
            return false;
        }
        return this.device == null || this.device.equals(device);
    }

    /**
     * True when this grant is no wider than {@code other}: everything it permits, {@code other}
     * permits too. Tokens are created with grants their owner holds.
     */
    public boolean isWithin(Grant other) {
        return other.permits(role, tenant, device) && (tenant != null || other.tenant == null);
    }
}
