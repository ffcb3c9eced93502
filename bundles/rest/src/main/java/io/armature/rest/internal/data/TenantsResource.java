package io.armature.rest.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.Tenant;
import io.armature.api.device.UnknownDevicePolicy;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.rest.internal.problem.ProblemException;
import io.armature.rest.internal.security.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tenants}: the isolation boundary of devices and data, with its retention and its
 * policy for samples of unregistered devices.
 */
@Component(name = "io.armature.rest.tenants", service = TenantsResource.class)
@RestResource
@Path("/api/v1/tenants")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public final class TenantsResource {
    private static final Set<String> FIELDS =
            Set.of("id", "name", "unknown_device_policy", "retention");

    private final DeviceRegistry registry;

    @Activate
    public TenantsResource(@Reference DeviceRegistry registry) {
        this.registry = registry;
    }

    @GET
    @RequiresRole(value = Role.VIEWER, filtered = true)
    public Map<String, Object> list(
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        return Map.of(
                "tenants",
                registry.tenants().stream()
                        .filter(t -> Callers.canSee(security, t.id()))
                        .map(this::view)
                        .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        Bodies fields = Bodies.of(body, FIELDS);
        String id = fields.identifier("id", true);
        String name = fields.text("name", false);
        UnknownDevicePolicy policy =
                fields.policy("unknown_device_policy", UnknownDevicePolicy.AUTO_REGISTER);
        Duration retention = fields.retention("retention");
        fields.validate();
        try {
            Tenant tenant = registry.createTenant(new Tenant(id, name, policy, retention));
            return Response.created(URI.create("/api/v1/tenants/" + id))
                    .entity(view(tenant))
                    .build();
        } catch (IllegalStateException e) {
            throw new ProblemException(409, e.getMessage());
        }
    }

    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{tenant}")
    public Map<String, Object> get(@PathParam("tenant") String tenant) {
        return view(require(tenant));
    }

    @PATCH
    @Path("{tenant}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> patch(@PathParam("tenant") String id, JsonNode body) {
        Tenant before = require(id);
        Bodies fields = Bodies.of(body, Set.of("name", "unknown_device_policy", "retention"));
        String name = fields.has("name") ? fields.text("name", true) : before.name();
        UnknownDevicePolicy policy =
                fields.policy("unknown_device_policy", before.unknownDevicePolicy());
        Duration retention =
                fields.has("retention") ? fields.retention("retention") : before.retention();
        fields.validate();
        return view(registry.updateTenant(new Tenant(id, name, policy, retention)));
    }

    @DELETE
    @Path("{tenant}")
    public Response delete(@PathParam("tenant") String tenant) {
        require(tenant);
        try {
            registry.deleteTenant(tenant);
            return Response.noContent().build();
        } catch (StorageUnavailableException e) {
            throw ProblemException.unavailable(
                    "the tenant's data cannot be deleted now; nothing was deleted: "
                            + e.getMessage(),
                    5);
        }
    }

    private Tenant require(String tenant) {
        PathIdentifiers.require("tenant", tenant);
        return registry.tenant(tenant)
                .orElseThrow(() -> new ProblemException(404, "no tenant '" + tenant + "'"));
    }

    private Map<String, Object> view(Tenant tenant) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", tenant.id());
        view.put("name", tenant.name());
        view.put(
                "unknown_device_policy",
                tenant.unknownDevicePolicy().name().toLowerCase(Locale.ROOT));
        view.put("retention", format(tenant.retention()));
        view.put("device_count", registry.devices(tenant.id()).size());
        return view;
    }

    /** {@code 30d}, {@code 36h}, {@code 90m}: the shortest exact form; null for none. */
    static String format(Duration duration) {
        if (duration == null) {
            return null;
        }
        long seconds = duration.getSeconds();
        for (Object[] unit :
                List.of(
                        new Object[] {86_400L, "d"},
                        new Object[] {3_600L, "h"},
                        new Object[] {60L, "m"})) {
            long size = (Long) unit[0];
            if (seconds % size == 0) {
                return seconds / size + (String) unit[1];
            }
        }
        return seconds + "s";
    }
}
