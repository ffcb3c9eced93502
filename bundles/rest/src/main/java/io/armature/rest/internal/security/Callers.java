package io.armature.rest.internal.security;

import io.armature.api.security.Caller;
import io.armature.api.security.Role;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The caller of a request as the security bundle's filter set it. Without that filter (only when
 * enforcement is switched off for a benchmark) there is no caller and nothing is restricted.
 */
public final class Callers {
    private Callers() {}

    public static boolean permits(
            SecurityContext context, Role role, String tenant, String device) {
        return !(context.getUserPrincipal() instanceof Caller caller)
                || caller.permits(role, tenant, device);
    }

    public static boolean canSee(SecurityContext context, String tenant) {
        return !(context.getUserPrincipal() instanceof Caller caller) || caller.canSee(tenant);
    }
}
