package io.armature.api.security;

import java.security.Principal;
import java.util.List;
import java.util.Objects;

/**
 * An authenticated caller: a user (by password or browser session) or an API token of a user. The
 * REST layer sets it as the request's {@code SecurityContext} user principal; resources that list
 * several tenants' things use {@link #canSee(String)} to answer only what the caller may see.
 *
 * @param user the user's name (a token's owner for a token)
 * @param tokenId the token's id, or null when the caller logged in with a password
 * @param grants what the caller may do
 */
public record Caller(String user, String tokenId, List<Grant> grants) implements Principal {
    public Caller {
        Objects.requireNonNull(user, "user");
        grants = List.copyOf(grants);
    }

    @Override
    public String getName() {
        return user;
    }

    /**
     * True when some grant allows {@code required} on that tenant's resource.
     *
     * @param tenant the resource's tenant, or null for a system resource (global grants only)
     * @param device the resource's device, or null when it is not one device's (device-scoped
     *     grants do not apply then)
     */
    public boolean permits(Role required, String tenant, String device) {
        for (Grant grant : grants) {
            if (grant.permits(required, tenant, device)) {
                return true;
            }
        }
        return false;
    }

    /** True when any grant covers the tenant at all (global or within it). */
    public boolean canSee(String tenant) {
        for (Grant grant : grants) {
            if (grant.isGlobal() || grant.tenant().equals(tenant)) {
                return true;
            }
        }
        return false;
    }

    /** True when some grant of at least {@code required} is global. */
    public boolean isGlobal(Role required) {
        return permits(required, null, null);
    }
}
