package io.armature.rest.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.DeviceStatus;
import io.armature.api.device.DeviceStatusChange;
import io.armature.api.device.MetricInfo;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tenants/{tenant}/devices}: registration, filtering by status, type and tags with
 * keyset paging, metrics, heartbeats. Shares its path with {@link SeriesResource}, which serves the
 * data of a device.
 */
@Component(name = "io.armature.rest.devices", service = DevicesResource.class)
@RestResource
@Path("/api/v1/tenants/{tenant}/devices")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class DevicesResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final DeviceRegistry registry;

    @Activate
    public DevicesResource(@Reference DeviceRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Map<String, Object> list(
            @PathParam("tenant") String tenant,
            @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("tag") List<String> tags,
            @QueryParam("q") String search,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        requireTenant(tenant);
        Predicate<Device> filter = filter(status, type, tags).and(matches(search));
        int max = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<Map<String, Object>> page = new ArrayList<>();
        String next = null;
        for (Device device : registry.devices(tenant)) {
            if ((cursor != null && device.id().compareTo(cursor) <= 0) || !filter.test(device)) {
                continue;
            }
            if (page.size() == max) {
                next = (String) page.get(page.size() - 1).get("id");
                break;
            }
            page.add(view(device));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("devices", page);
        body.put("next_cursor", next);
        return body;
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenant") String tenant, JsonNode body) {
        requireTenant(tenant);
        Bodies fields = Bodies.of(body, Set.of("id", "name", "type", "tags"));
        String id = fields.identifier("id", true);
        String name = fields.text("name", false);
        String type = fields.text("type", false);
        Map<String, String> tags = fields.tags("tags");
        fields.validate();
        if (registry.device(tenant, id).isPresent()) {
            throw new ProblemException(
                    409, "device '" + id + "' exists already; PATCH it to change it");
        }
        Device device =
                registry.register(new Device(tenant, id, name, type, tags, null, null, null));
        return Response.created(URI.create("/api/v1/tenants/" + tenant + "/devices/" + id))
                .entity(view(device))
                .build();
    }

    @GET
    @Path("{device}")
    public Map<String, Object> get(
            @PathParam("tenant") String tenant, @PathParam("device") String device) {
        Map<String, Object> view = view(require(tenant, device));
        List<Map<String, Object>> history = new ArrayList<>();
        for (DeviceStatusChange change : registry.statusHistory(tenant, device)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from", lower(change.from()));
            entry.put("to", lower(change.to()));
            entry.put("at", change.at());
            history.add(entry);
        }
        view.put("status_history", history);
        return view;
    }

    @PATCH
    @RequiresRole(Role.OPERATOR)
    @Path("{device}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> patch(
            @PathParam("tenant") String tenant, @PathParam("device") String id, JsonNode body) {
        Device before = require(tenant, id);
        Bodies fields = Bodies.of(body, Set.of("name", "type", "tags"));
        String name = fields.has("name") ? fields.text("name", true) : before.name();
        String type = fields.has("type") ? fields.text("type", false) : before.type();
        Map<String, String> tags = fields.has("tags") ? fields.tags("tags") : before.tags();
        fields.validate();
        return view(registry.register(new Device(tenant, id, name, type, tags, null, null, null)));
    }

    @DELETE
    @RequiresRole(Role.OPERATOR)
    @Path("{device}")
    public Response delete(@PathParam("tenant") String tenant, @PathParam("device") String device) {
        require(tenant, device);
        try {
            registry.deleteDevice(tenant, device);
            return Response.noContent().build();
        } catch (StorageUnavailableException e) {
            throw ProblemException.unavailable(
                    "the device's data cannot be deleted now; nothing was deleted: "
                            + e.getMessage(),
                    5);
        }
    }

    @GET
    @Path("{device}/metrics")
    public Map<String, Object> metrics(
            @PathParam("tenant") String tenant, @PathParam("device") String device) {
        require(tenant, device);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (MetricInfo metric : registry.metrics(tenant, device)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", metric.id());
            view.put("unit", metric.unit());
            view.put("display_name", metric.displayName());
            view.put("value_type", metric.valueType());
            metrics.add(view);
        }
        return Map.of("metrics", metrics);
    }

    @POST
    @RequiresRole(Role.INGEST)
    @Path("{device}/heartbeat")
    public Response heartbeat(
            @PathParam("tenant") String tenant, @PathParam("device") String device) {
        require(tenant, device);
        registry.heartbeat(tenant, device);
        return Response.noContent().build();
    }

    private void requireTenant(String tenant) {
        PathIdentifiers.require("tenant", tenant);
        if (registry.tenant(tenant).isEmpty()) {
            throw new ProblemException(404, "no tenant '" + tenant + "'");
        }
    }

    private Device require(String tenant, String device) {
        requireTenant(tenant);
        return PathIdentifiers.requireDevice(registry, tenant, device);
    }

    /** {@code q}: a case-insensitive part of the id or the name. */
    private static Predicate<Device> matches(String search) {
        if (search == null || search.isBlank()) {
            return d -> true;
        }
        String part = search.strip().toLowerCase(Locale.ROOT);
        return d ->
                d.id().toLowerCase(Locale.ROOT).contains(part)
                        || d.name() != null && d.name().toLowerCase(Locale.ROOT).contains(part);
    }

    private static Predicate<Device> filter(String status, String type, List<String> tags) {
        Predicate<Device> filter = d -> true;
        if (status != null) {
            DeviceStatus wanted;
            try {
                wanted = DeviceStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(
                        400,
                        "query parameter 'status': '"
                                + status
                                + "' is not one of online, offline, unknown");
            }
            filter = filter.and(d -> d.status() == wanted);
        }
        if (type != null) {
            filter = filter.and(d -> type.equals(d.type()));
        }
        for (String tag : tags == null ? List.<String>of() : tags) {
            int colon = tag.indexOf(':');
            if (colon < 1) {
                throw new ProblemException(
                        400, "query parameter 'tag': '" + tag + "' is not key:value");
            }
            String key = tag.substring(0, colon);
            String value = tag.substring(colon + 1);
            filter = filter.and(d -> value.equals(d.tags().get(key)));
        }
        return filter;
    }

    private static Map<String, Object> view(Device device) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", device.id());
        view.put("name", device.name());
        view.put("type", device.type());
        view.put("tags", device.tags());
        view.put("created_at", device.createdAt());
        view.put("status", lower(device.status()));
        view.put("last_seen", device.lastSeen());
        return view;
    }

    private static String lower(DeviceStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
