package io.armature.security.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.rest.RestResource;
import io.armature.api.security.AuditLog;
import io.armature.api.security.Authenticator.ThrottledException;
import io.armature.api.security.Caller;
import io.armature.api.security.Unauthenticated;
import io.armature.security.internal.SecurityService;
import io.armature.security.internal.Sessions;
import io.armature.security.internal.store.GrantsJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/auth}: browser login and logout, and who the caller is. */
@Component(service = AuthResource.class)
@RestResource
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public AuthResource(@Reference SecurityService security, @Reference AuditLog audit) {
        this.security = security;
        this.audit = audit;
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Unauthenticated
    public Response login(
            JsonNode json,
            @Context HttpServletRequest http,
            @Context ContainerRequestContext request) {
        String path = "/api/v1/auth/login";
        Body body = Body.of(json, Set.of("user", "password"), path);
        String user = body.text("user", true, 64);
        String password = body.text("password", true, 1024);
        body.check();
        String source = http.getRemoteAddr();
        Optional<Caller> caller;
        try {
            caller = security.authenticatePassword(user, password, source);
        } catch (ThrottledException e) {
            record(user, "auth.login_throttled", "denied", source);
            throw Problems.problem(
                    429,
                    e.getMessage() + "; retry after " + e.retryAfterSeconds() + " s",
                    path,
                    List.of(),
                    Map.of("Retry-After", String.valueOf(e.retryAfterSeconds())));
        }
        if (caller.isEmpty()) {
            record(user, "auth.login_failed", "denied", source);
            throw Problems.problem(
                    401,
                    "user name or password is wrong",
                    path,
                    List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"armature\""));
        }
        record(user, "auth.login", "success", source);
        Sessions.Session session = security.openSession(caller.get());
        boolean secure = request.getSecurityContext().isSecure();
        NewCookie cookie =
                new NewCookie.Builder(AuthorizationFilter.SESSION_COOKIE)
                        .value(session.id())
                        .path("/")
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite(NewCookie.SameSite.STRICT)
                        .build();
        return Response.ok(me(caller.get(), session)).cookie(cookie).build();
    }

    @POST
    @Path("logout")
    @AnyCaller
    public Response logout(@Context ContainerRequestContext request) {
        Object session = request.getProperty(AuthorizationFilter.SESSION);
        if (session instanceof Sessions.Session s) {
            security.closeSession(s.id());
        }
        NewCookie expired =
                new NewCookie.Builder(AuthorizationFilter.SESSION_COOKIE)
                        .value("")
                        .path("/")
                        .httpOnly(true)
                        .secure(request.getSecurityContext().isSecure())
                        .sameSite(NewCookie.SameSite.STRICT)
                        .maxAge(0)
                        .build();
        return Response.noContent().cookie(expired).build();
    }

    @GET
    @Path("me")
    @AnyCaller
    public Map<String, Object> me(@Context ContainerRequestContext request) {
        Caller caller = (Caller) request.getProperty(AuthorizationFilter.CALLER);
        Object session = request.getProperty(AuthorizationFilter.SESSION);
        return me(caller, session instanceof Sessions.Session s ? s : null);
    }

    private Map<String, Object> me(Caller caller, Sessions.Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", caller.user());
        body.put("authenticated_by", session != null ? "session" : "token");
        body.put("token_id", caller.tokenId());
        body.put("grants", GrantsJson.asMaps(caller.grants()));
        if (session != null) {
            body.put("csrf_token", session.csrfToken());
            body.put("session_expires_at", security.sessionExpiry(session).toString());
        }
        return body;
    }

    private void record(String user, String action, String outcome, String source) {
        audit.record(
                new AuditLog.Event(
                        security.now(),
                        user,
                        action,
                        "/api/v1/auth/login",
                        outcome,
                        Map.of("source", source)));
    }
}
