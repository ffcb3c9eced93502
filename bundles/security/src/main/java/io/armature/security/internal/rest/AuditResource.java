package io.armature.security.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.security.internal.audit.AuditTrail;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/system/audit}: the audit log, filtered and paged, for global admins. */
@Component(service = AuditResource.class)
@RestResource
@Path("/api/v1/system/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public final class AuditResource {
    private static final String PATH = "/api/v1/system/audit";
    private final AuditTrail trail;

    @Activate
    public AuditResource(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    public Map<String, Object> list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit)
            throws IOException {
        Instant start = time("from", from);
        Instant end = time("to", to);
        long after = number("cursor", cursor, 0, Long.MAX_VALUE, 0);
        int max = (int) number("limit", limit, 1, 1000, 100);
        List<JsonNode> events =
                trail.read(
                        after,
                        max + 1,
                        e ->
                                AuditTrail.within(e, start, end)
                                        && (actor == null || actor.equals(e.path("actor").asText()))
                                        && (action == null
                                                || e.path("action").asText().equals(action)
                                                || e.path("action")
                                                        .asText()
                                                        .startsWith(action + ".")));
        Map<String, Object> body = new LinkedHashMap<>();
        boolean more = events.size() > max;
        List<JsonNode> page = more ? events.subList(0, max) : events;
        body.put("events", page);
        body.put(
                "next_cursor",
                more ? String.valueOf(page.get(page.size() - 1).path("seq").asLong()) : null);
        return body;
    }

    private static Instant time(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.problem(
                    400,
                    name + ": must be an ISO-8601 UTC time such as 2026-12-01T00:00:00Z",
                    PATH);
        }
    }

    private static long number(String name, String value, long min, long max, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problems.problem(
                    400, name + ": must be an integer from " + min + " to " + max, PATH);
        }
    }
}
