package io.armature.rest.internal.security;

import io.armature.api.security.Unauthenticated;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;

/**
 * Stands in while no authorization filter (the security bundle's) is registered: every request that
 * needs credentials is answered 503, so the API is never open because security is missing or
 * restarting. Unauthenticated endpoints ({@code GET /health}) still answer.
 */
@Priority(Priorities.AUTHENTICATION)
public final class FailClosedFilter implements ContainerRequestFilter {
    @Context private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null && !method.isAnnotationPresent(Unauthenticated.class)) {
            throw ProblemException.unavailable(
                    "the security service is not running: no request is served without it", 5);
        }
    }
}
