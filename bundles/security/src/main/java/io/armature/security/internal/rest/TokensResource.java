package io.armature.security.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.rest.RestResource;
import io.armature.api.security.Caller;
import io.armature.api.security.Grant;
import io.armature.api.security.Role;
import io.armature.security.internal.SecurityService;
import io.armature.security.internal.store.CredentialStore.Token;
import io.armature.security.internal.store.CredentialStore.User;
import io.armature.security.internal.store.GrantsJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * {@code /api/v1/tokens}: API tokens. Everyone lists and revokes their own; global admins all of
 * them. A token is created by a logged-in user (browser session) or with a global admin token, for
 * its creator (admins: for any user), with grants no wider than the owner's and the creator's.
 */
@Component(service = TokensResource.class)
@RestResource
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class TokensResource {
    private static final String BASE = "/api/v1/tokens";
    private final SecurityService security;

    @Activate
    public TokensResource(@Reference SecurityService security) {
        this.security = security;
    }

    @GET
    @AnyCaller
    public Map<String, Object> list(
            @QueryParam("user") String user, @Context ContainerRequestContext request) {
        Caller caller = UsersResource.caller(request);
        boolean admin = caller.isGlobal(Role.ADMIN);
        List<Map<String, Object>> tokens =
                security.tokens().stream()
                        .filter(t -> admin || t.owner().equals(caller.user()))
                        .filter(t -> user == null || t.owner().equals(user))
                        .map(this::view)
                        .toList();
        return Map.of("tokens", tokens);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AnyCaller
    public Response create(JsonNode json, @Context ContainerRequestContext request) {
        Caller caller = UsersResource.caller(request);
        boolean admin = caller.isGlobal(Role.ADMIN);
        if (caller.tokenId() != null && !admin) {
            throw Problems.problem(
                    403,
                    "tokens are created after a password login, or with a global admin token",
                    BASE);
        }
        Body body = Body.of(json, Set.of("name", "grants", "expires_at", "user"), BASE);
        String name = body.text("name", true, 100);
        String ownerName = body.has("user") ? body.text("user", false, 64) : caller.user();
        java.time.Instant expiresAt = body.instant("expires_at");
        if (expiresAt != null && !expiresAt.isAfter(security.now())) {
            body.errors.add("expires_at: must be in the future");
        }
        List<Grant> grants =
                body.has("grants")
                        ? GrantsJson.read(body.raw("grants"), "grants", body.errors)
                        : null;
        body.check();
        if (!admin && !caller.user().equals(ownerName)) {
            throw Problems.problem(403, "only global admins create tokens for other users", BASE);
        }
        User owner =
                security.user(ownerName)
                        .orElseThrow(
                                () ->
                                        Problems.problem(
                                                400, "user: no user '" + ownerName + "'", BASE));
        if (grants == null) {
            grants = ownerName.equals(caller.user()) ? caller.grants() : owner.grants();
        }
        for (int i = 0; i < grants.size(); i++) {
            Grant grant = grants.get(i);
            boolean ownerHolds = owner.grants().stream().anyMatch(grant::isWithin);
            boolean callerHolds = caller.grants().stream().anyMatch(grant::isWithin);
            if (!ownerHolds || !callerHolds) {
                body.errors.add(
                        "grants["
                                + i
                                + "]: wider than what "
                                + (ownerHolds ? "you hold" : "user '" + ownerName + "' holds"));
            }
        }
        body.check();
        SecurityService.Issued issued = security.createToken(ownerName, name, grants, expiresAt);
        Map<String, Object> view = view(issued.token());
        view.put("token", issued.secret());
        return Response.status(201).entity(view).build();
    }

    @DELETE
    @Path("{id}")
    @AnyCaller
    public Response revoke(@PathParam("id") String id, @Context ContainerRequestContext request) {
        Caller caller = UsersResource.caller(request);
        Token token =
                security.token(id)
                        .filter(t -> caller.isGlobal(Role.ADMIN) || t.owner().equals(caller.user()))
                        .orElseThrow(
                                () ->
                                        Problems.problem(
                                                404, "no token '" + id + "'", BASE + "/" + id));
        security.revokeToken(token.id());
        return Response.noContent().build();
    }

    private Map<String, Object> view(Token token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id());
        view.put("name", token.name());
        view.put("user", token.owner());
        view.put("grants", GrantsJson.asMaps(token.grants()));
        view.put("created_at", token.createdAt().toString());
        view.put("expires_at", token.expiresAt() == null ? null : token.expiresAt().toString());
        view.put("last_used_at", security.lastUsed(token.id()).map(Object::toString).orElse(null));
        return view;
    }
}
