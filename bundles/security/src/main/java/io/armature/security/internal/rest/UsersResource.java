package io.armature.security.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.rest.RestResource;
import io.armature.api.sample.Identifiers;
import io.armature.api.security.Caller;
import io.armature.api.security.Grant;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.security.internal.SecurityService;
import io.armature.security.internal.store.CredentialStore.User;
import io.armature.security.internal.store.GrantsJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/users}: global admins manage users; every user may read themselves and change
 * their own password (with the current one).
 */
@Component(service = UsersResource.class)
@RestResource
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public final class UsersResource {
    private static final String BASE = "/api/v1/users";

    /** Actors the audit log uses for callers that are no user. */
    private static final Set<String> RESERVED = Set.of("anonymous", "system");

    private final SecurityService security;

    @Activate
    public UsersResource(@Reference SecurityService security) {
        this.security = security;
    }

    @GET
    public Map<String, Object> list() {
        return Map.of("users", security.users().stream().map(UsersResource::view).toList());
    }

    @GET
    @Path("{user}")
    @AnyCaller
    public Map<String, Object> get(
            @PathParam("user") String name, @Context ContainerRequestContext request) {
        requireSelfOrAdmin(caller(request), name);
        return view(find(name));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode json) {
        Body body = Body.of(json, Set.of("name", "password", "grants"), BASE);
        String name = body.text("name", true, 64);
        if (name != null && !Identifiers.isValid(name)) {
            body.errors.add("name: must match " + Identifiers.PATTERN);
        } else if (name != null && RESERVED.contains(name)) {
            body.errors.add("name: '" + name + "' is reserved (it names no user in the audit log)");
        }
        String password = password(body, "password", true);
        List<Grant> grants = GrantsJson.read(body.raw("grants"), "grants", body.errors);
        body.check();
        if (security.user(name).isPresent()) {
            throw Problems.problem(409, "user '" + name + "' exists", BASE);
        }
        User user = security.createUser(name, password, grants);
        return Response.status(201).entity(view(user)).build();
    }

    @PATCH
    @Path("{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AnyCaller
    public Map<String, Object> patch(
            @PathParam("user") String name,
            JsonNode json,
            @Context ContainerRequestContext request) {
        Caller caller = caller(request);
        requireSelfOrAdmin(caller, name);
        find(name);
        boolean admin = caller.isGlobal(Role.ADMIN);
        Body body =
                Body.of(
                        json,
                        admin
                                ? Set.of("password", "current_password", "grants", "disabled")
                                : Set.of("password", "current_password"),
                        BASE + "/" + name);
        String password = password(body, "password", false);
        List<Grant> grants =
                body.has("grants")
                        ? GrantsJson.read(body.raw("grants"), "grants", body.errors)
                        : null;
        Boolean disabled = body.bool("disabled");
        boolean self = caller.user().equals(name);
        if (password != null && self && !admin) {
            // changing one's own password proves knowing the current one: a stolen session or
            // token alone cannot take the account over
            String current = body.text("current_password", true, 1024);
            if (current != null && !security.verifyPassword(name, current)) {
                body.errors.add("current_password: wrong");
            }
        }
        body.check();
        if (self
                && (Boolean.TRUE.equals(disabled) || (grants != null && !isGlobalAdmin(grants)))
                && lastAdmin(name)) {
            throw Problems.problem(
                    409, "'" + name + "' is the last enabled global admin", BASE + "/" + name);
        }
        return view(security.updateUser(name, password, grants, disabled));
    }

    @DELETE
    @Path("{user}")
    public Response delete(@PathParam("user") String name) {
        find(name);
        if (lastAdmin(name)) {
            throw Problems.problem(
                    409, "'" + name + "' is the last enabled global admin", BASE + "/" + name);
        }
        security.deleteUser(name);
        return Response.noContent().build();
    }

    private boolean lastAdmin(String name) {
        return security.users().stream()
                .filter(u -> !u.disabled() && isGlobalAdmin(u.grants()))
                .allMatch(u -> u.name().equals(name));
    }

    private static boolean isGlobalAdmin(List<Grant> grants) {
        return grants.stream().anyMatch(g -> g.isGlobal() && g.role() == Role.ADMIN);
    }

    private String password(Body body, String field, boolean required) {
        String password = body.text(field, required, 1024);
        if (password != null && password.length() < security.minPasswordLength()) {
            body.errors.add(
                    field + ": must have at least " + security.minPasswordLength() + " characters");
        }
        return password;
    }

    private User find(String name) {
        return security.user(name)
                .orElseThrow(
                        () -> Problems.problem(404, "no user '" + name + "'", BASE + "/" + name));
    }

    static Caller caller(ContainerRequestContext request) {
        return (Caller) request.getProperty(AuthorizationFilter.CALLER);
    }

    private static void requireSelfOrAdmin(Caller caller, String name) {
        if (!caller.user().equals(name) && !caller.isGlobal(Role.ADMIN)) {
            throw Problems.problem(404, "no user '" + name + "'", BASE + "/" + name);
        }
    }

    static Map<String, Object> view(User user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", user.name());
        view.put("grants", GrantsJson.asMaps(user.grants()));
        view.put("disabled", user.disabled());
        view.put("created_at", user.createdAt().toString());
        view.put("password_changed_at", user.passwordChangedAt().toString());
        return view;
    }
}
