package io.armature.security.internal.rest;

import io.armature.api.security.Caller;
import io.armature.api.security.Role;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The request's security context: the authenticated caller as user principal; roles are the
 * caller's global roles.
 */
record CallerContext(Caller caller, boolean secure, String scheme) implements SecurityContext {
    /** An anonymous caller of an unauthenticated endpoint: no grants. */
    static final String ANONYMOUS = "anonymous";

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.parse(role).map(caller::isGlobal).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
