package io.armature.alerts.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.alerts.internal.engine.AlertEngine;
import io.armature.alerts.internal.store.AlertStore;
import io.armature.api.alert.Alert;
import io.armature.api.alert.AlertChange;
import io.armature.api.alert.Severity;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tenants/{tenant}/alerts}: alerts newest first with filters and cursor paging, one
 * alert with its history, and the operator's acts — acknowledge, clear, comment — each recorded
 * with the user. Every bad parameter is named in one 400 answer.
 */
@Component(name = "io.armature.alerts.rest", service = AlertsResource.class)
@RestResource
@Path("/api/v1/tenants/{tenant}/alerts")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class AlertsResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_COMMENT = 4000;

    private final AlertStore store;
    private final AlertEngine engine;
    private final DeviceRegistry registry;
    private final AlertStreams streams = new AlertStreams();

    @Activate
    public AlertsResource(
            @Reference AlertEngine engine,
            @Reference(target = "(armature.storage.id=*)") javax.sql.DataSource dataSource,
            @Reference DeviceRegistry registry) {
        this.engine = engine;
        this.store = new AlertStore(dataSource);
        this.registry = registry;
        engine.addListener(streams);
    }

    @Deactivate
    void deactivate() {
        engine.removeListener(streams);
        streams.close();
    }

    /**
     * Server-sent events: {@code ready}, then one {@code alert} event per change of an alert of the
     * tenant ({@code {"kind", "at", "by", "comment", "alert", "skipped"}}).
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @PathParam("tenant") String tenant,
            @Context jakarta.ws.rs.sse.SseEventSink sink,
            @Context jakarta.ws.rs.sse.Sse sse) {
        requireTenant(tenant);
        streams.open(tenant, sink, sse);
    }

    @GET
    public Map<String, Object> list(
            @PathParam("tenant") String tenant,
            @QueryParam("state") List<String> states,
            @QueryParam("severity") List<String> severities,
            @QueryParam("device") String device,
            @QueryParam("metric") String metric,
            @QueryParam("rule") String rule,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("before") String before,
            @QueryParam("limit") String limit)
            throws SQLException {
        requireTenant(tenant);
        List<Problems.FieldError> errors = new ArrayList<>();
        Set<String> stateSet = new LinkedHashSet<>();
        for (String state : split(states)) {
            if (AlertStore.STATES.contains(state)) {
                stateSet.add(state);
            } else {
                errors.add(
                        new Problems.FieldError(
                                "state",
                                "unknown state '"
                                        + state
                                        + "'; one of "
                                        + String.join(
                                                ", ", new java.util.TreeSet<>(AlertStore.STATES))));
            }
        }
        Set<Severity> severitySet = new LinkedHashSet<>();
        for (String severity : split(severities)) {
            try {
                severitySet.add(Severity.of(severity));
            } catch (IllegalArgumentException e) {
                errors.add(new Problems.FieldError("severity", e.getMessage()));
            }
        }
        AlertStore.Query query =
                new AlertStore.Query(
                        tenant,
                        stateSet,
                        severitySet,
                        device,
                        metric,
                        rule,
                        Parameters.time("from", from, errors),
                        Parameters.time("to", to, errors),
                        Parameters.id("before", before, errors),
                        Parameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT, errors));
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        AlertStore.Page page = store.find(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alerts", page.alerts().stream().map(AlertViews::view).toList());
        body.put(
                "next_before", page.nextBeforeId() == null ? null : page.nextBeforeId().toString());
        return body;
    }

    @GET
    @Path("counts")
    public Map<String, Object> counts(@PathParam("tenant") String tenant) throws SQLException {
        requireTenant(tenant);
        return Map.of("active", store.activeCounts(tenant));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("tenant") String tenant, @PathParam("id") String id)
            throws SQLException {
        Alert alert = require(tenant, id);
        Map<String, Object> view = AlertViews.view(alert);
        view.put("events", store.events(alert.id()).stream().map(AlertViews::view).toList());
        return view;
    }

    @POST
    @Path("{id}/ack")
    @RequiresRole(Role.OPERATOR)
    public Map<String, Object> acknowledge(
            @PathParam("tenant") String tenant,
            @PathParam("id") String id,
            @Context SecurityContext security)
            throws SQLException {
        return act(tenant, id, AlertChange.Kind.ACKNOWLEDGED, user(security), null);
    }

    @POST
    @Path("{id}/clear")
    @RequiresRole(Role.OPERATOR)
    public Map<String, Object> clear(
            @PathParam("tenant") String tenant,
            @PathParam("id") String id,
            @Context SecurityContext security)
            throws SQLException {
        return act(tenant, id, AlertChange.Kind.CLEARED, user(security), null);
    }

    @POST
    @Path("{id}/comments")
    @RequiresRole(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public jakarta.ws.rs.core.Response comment(
            @PathParam("tenant") String tenant,
            @PathParam("id") String id,
            JsonNode body,
            @Context SecurityContext security)
            throws SQLException {
        JsonNode text = body == null ? null : body.get("text");
        List<Problems.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new Problems.FieldError("", "body must be a JSON object {\"text\": ...}"));
        } else if (text == null || !text.isTextual() || text.asText().isBlank()) {
            errors.add(new Problems.FieldError("text", "required: a non-empty string"));
        } else if (text.asText().length() > MAX_COMMENT) {
            errors.add(new Problems.FieldError("text", "at most " + MAX_COMMENT + " characters"));
        }
        if (body != null && body.isObject()) {
            body.fieldNames()
                    .forEachRemaining(
                            name -> {
                                if (!"text".equals(name)) {
                                    errors.add(
                                            new Problems.FieldError(
                                                    name, "unknown field; allowed: text"));
                                }
                            });
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Map<String, Object> view =
                act(tenant, id, AlertChange.Kind.COMMENTED, user(security), text.asText().strip());
        return jakarta.ws.rs.core.Response.status(201).entity(view).build();
    }

    private Map<String, Object> act(
            String tenant, String id, AlertChange.Kind kind, String user, String comment)
            throws SQLException {
        Alert alert = require(tenant, id);
        Optional<AlertChange> change = store.act(tenant, alert.id(), kind, user, comment);
        if (change == null) {
            throw new NotFoundException("tenant '" + tenant + "' has no alert " + id);
        }
        if (change.isPresent()) {
            if (kind == AlertChange.Kind.CLEARED) {
                engine.clearedByOperator(alert.id());
            }
            engine.publish(List.of(change.get()));
        }
        Alert now = change.map(AlertChange::alert).orElse(alert);
        Map<String, Object> view = AlertViews.view(now);
        view.put("changed", change.isPresent());
        return view;
    }

    private static String user(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null
                ? "unknown"
                : security.getUserPrincipal().getName();
    }

    private Alert require(String tenant, String id) throws SQLException {
        requireTenant(tenant);
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("tenant '" + tenant + "' has no alert '" + id + "'");
        }
        return store.get(tenant, number)
                .orElseThrow(
                        () -> new NotFoundException("tenant '" + tenant + "' has no alert " + id));
    }

    private void requireTenant(String tenant) {
        if (registry.tenant(tenant).isEmpty()) {
            throw new NotFoundException("no tenant '" + tenant + "'");
        }
    }

    private static List<String> split(List<String> values) {
        List<String> items = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return items;
    }
}
