package io.armature.security.internal.rest;

import io.armature.api.security.AuditLog;
import io.armature.api.security.Caller;
import io.armature.api.security.Grant;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.api.security.Unauthenticated;
import io.armature.security.internal.SecurityService;
import io.armature.security.internal.Sessions;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The one place every REST request is authenticated and authorised, for every resource including
 * those of hot-deployed plugins: bearer token or session cookie (with CSRF check on state-changing
 * requests), per-caller rate limit, the resource's {@link RequiresRole} (admin when undeclared),
 * the tenant (404 for a tenant the caller has no grant for) and device of the path. Afterwards it
 * appends every state-changing request to the audit log.
 *
 * <p>Registered with the REST layer as a {@link DynamicFeature}: for each resource method of each
 * application the REST layer builds, it binds one filter that knows its method. No request-scoped
 * state is injected into this shared instance, so an application being replaced (a bundle came or
 * went) and its successor never see each other's requests.
 */
@Component(
        service = AuthorizationFilter.class,
        property = {"armature.rest.resource=true", "armature.rest.authorization=true"})
public final class AuthorizationFilter implements DynamicFeature {
    static final String SESSION_COOKIE = "armature_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CALLER = "armature.caller";
    static final String SESSION = "armature.session";
    private static final String CHALLENGE = "Bearer realm=\"armature\"";

    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public AuthorizationFilter(@Reference SecurityService security, @Reference AuditLog audit) {
        this.security = security;
        this.audit = audit;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod() != null) {
            context.register(
                    new Guard(Policy.of(resource.getResourceMethod(), resource.getResourceClass())),
                    Priorities.AUTHENTICATION);
        }
    }

    /**
     * What one resource method needs, read from its annotations once when the application is built,
     * not on every request.
     *
     * @param open {@link Unauthenticated}
     * @param anyCaller {@link AnyCaller}
     * @param required the role ({@link RequiresRole} of the method, else of the class, else admin)
     * @param filtered {@link RequiresRole#filtered()}
     * @param audited a state-changing method whose requests the audit log records
     */
    record Policy(
            boolean open, boolean anyCaller, Role required, boolean filtered, boolean audited) {
        static Policy of(Method method, Class<?> resourceClass) {
            RequiresRole declared = method.getAnnotation(RequiresRole.class);
            if (declared == null) {
                declared = resourceClass.getAnnotation(RequiresRole.class);
            }
            String http = httpMethod(method);
            String template = template(resourceClass, method);
            return new Policy(
                    method.isAnnotationPresent(Unauthenticated.class),
                    method.isAnnotationPresent(AnyCaller.class),
                    declared == null ? Role.ADMIN : declared.value(),
                    declared != null && declared.filtered(),
                    http != null && !safe(http) && AuditActions.of(http, template).isPresent());
        }

        private static String httpMethod(Method method) {
            for (java.lang.annotation.Annotation a : method.getAnnotations()) {
                jakarta.ws.rs.HttpMethod http =
                        a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
                if (http != null) {
                    return http.value();
                }
            }
            return null;
        }

        private static String template(Class<?> resourceClass, Method method) {
            jakarta.ws.rs.Path base = resourceClass.getAnnotation(jakarta.ws.rs.Path.class);
            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
            String path =
                    (base == null ? "" : "/" + base.value())
                            + (sub == null ? "" : "/" + sub.value());
            return path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        }
    }

    /** The filter of one resource method. */
    private final class Guard implements ContainerRequestFilter, ContainerResponseFilter {
        private final Policy policy;

        Guard(Policy policy) {
            this.policy = policy;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            check(request, policy);
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            if (policy.audited()) {
                audit(request, response);
            }
        }
    }

    private static String path(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath();
    }

    private void check(ContainerRequestContext request, Policy policy) {
        boolean secure = request.getSecurityContext().isSecure();
        Optional<Caller> caller = Optional.empty();
        Sessions.Session session = null; // set when a browser session authenticated
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthorized(
                        "the Authorization header must be 'Bearer <token>'", path(request));
            }
            caller = security.authenticateToken(authorization.substring(7).trim());
            if (caller.isEmpty()) {
                throw unauthorized(
                        "the bearer token is unknown, revoked or expired", path(request));
            }
        } else {
            Cookie cookie = request.getCookies().get(SESSION_COOKIE);
            if (cookie != null) {
                Optional<SecurityService.SessionCaller> live = security.session(cookie.getValue());
                if (live.isPresent()) {
                    caller = Optional.of(live.get().caller());
                    session = live.get().session();
                    request.setProperty(SESSION, session);
                }
            }
        }
        caller.ifPresent(c -> request.setProperty(CALLER, c));
        if (policy.open()) {
            Caller anonymous = new Caller(CallerContext.ANONYMOUS, null, List.of());
            request.setSecurityContext(
                    new CallerContext(
                            caller.orElse(anonymous), secure, scheme(caller, session != null)));
            return;
        }
        if (caller.isEmpty()) {
            throw unauthorized(
                    "authentication required: send 'Authorization: Bearer <token>' or log in at"
                            + " POST /api/v1/auth/login",
                    path(request));
        }
        if (session != null && !safe(request.getMethod())) {
            String sent = request.getHeaderString(CSRF_HEADER);
            if (sent == null || !sent.equals(session.csrfToken())) {
                throw Problems.problem(
                        403,
                        "a state-changing request of a browser session needs the "
                                + CSRF_HEADER
                                + " header with the session's csrf_token",
                        path(request));
            }
        }
        Caller who = caller.get();
        long wait =
                security.rateLimit(
                        who.tokenId() != null ? "token:" + who.tokenId() : "user:" + who.user());
        if (wait > 0) {
            throw Problems.problem(
                    429,
                    "rate limit of this caller exceeded; retry after " + wait + " s",
                    path(request),
                    List.of(),
                    Map.of("Retry-After", String.valueOf(wait)));
        }
        if (!policy.anyCaller()) {
            authorize(who, policy, request);
        }
        request.setSecurityContext(new CallerContext(who, secure, scheme(caller, session != null)));
    }

    private void authorize(Caller caller, Policy policy, ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        Role required = policy.required();
        boolean filtered = policy.filtered();
        String tenant = params.getFirst("tenant");
        String device = params.getFirst("device");
        if (tenant != null && !caller.canSee(tenant)) {
            throw Problems.problem(404, "no tenant '" + tenant + "'", path(request));
        }
        boolean allowed;
        if (filtered) {
            allowed = false;
            for (Grant grant : caller.grants()) {
                allowed |=
                        grant.role().includes(required)
                                && (tenant == null
                                        || grant.isGlobal()
                                        || grant.tenant().equals(tenant));
            }
        } else {
            allowed = caller.permits(required, tenant, device);
        }
        if (!allowed) {
            throw Problems.problem(
                    403,
                    "this request needs the "
                            + required.id()
                            + " role"
                            + (tenant == null || filtered
                                    ? (filtered ? "" : " granted globally")
                                    : " for tenant '"
                                            + tenant
                                            + "'"
                                            + (device == null
                                                    ? ""
                                                    : " and device '" + device + "'")),
                    path(request));
        }
    }

    private void audit(ContainerRequestContext request, ContainerResponseContext response) {
        String path = path(request);
        Optional<String> action = AuditActions.of(request.getMethod(), path);
        Caller caller = (Caller) request.getProperty(CALLER);
        int status = response.getStatus();
        if (action.isEmpty() || (caller == null && status == 401)) {
            return; // the data path, the login (audited by its resource), anonymous rejections
        }
        String outcome =
                status < 400 ? "success" : status == 401 || status == 403 ? "denied" : "failed";
        Map<String, String> details =
                caller != null && caller.tokenId() != null
                        ? Map.of("status", String.valueOf(status), "token_id", caller.tokenId())
                        : Map.of("status", String.valueOf(status));
        audit.record(
                new AuditLog.Event(
                        security.now(),
                        caller == null ? CallerContext.ANONYMOUS : caller.user(),
                        action.get(),
                        path,
                        outcome,
                        details));
    }

    private static String scheme(Optional<Caller> caller, boolean viaSession) {
        return caller.isEmpty() ? null : viaSession ? "SESSION" : "BEARER";
    }

    static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static jakarta.ws.rs.WebApplicationException unauthorized(String detail, String path) {
        return Problems.problem(
                401, detail, path, List.of(), Map.of("WWW-Authenticate", CHALLENGE));
    }
}
