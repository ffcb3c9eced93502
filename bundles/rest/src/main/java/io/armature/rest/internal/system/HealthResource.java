package io.armature.rest.internal.system;

import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.api.security.Unauthenticated;
import io.armature.rest.internal.security.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /health}: the worst status of all registered {@link HealthCheck}s, open to anyone, and
 * each check for callers with the metrics role (or more) granted globally. 200 while UP or
 * DEGRADED, 503 when DOWN, so load balancers can use it directly.
 */
@Component(name = "io.armature.rest.health", service = HealthResource.class)
@RestResource
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    /** One check's outcome. */
    public record CheckReport(
            String name, HealthStatus status, String detail, Map<String, Object> data) {}

    /** The whole report. */
    public record HealthReport(HealthStatus status, Instant checkedAt, List<CheckReport> checks) {}

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCheck(HealthCheck check) {
        checks.add(check);
    }

    void removeCheck(HealthCheck check) {
        checks.remove(check);
    }

    @GET
    @Unauthenticated
    public Response get(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        List<CheckReport> reports = new ArrayList<>();
        HealthStatus overall = HealthStatus.UP;
        for (HealthCheck check : checks) {
            CheckReport report = run(check);
            reports.add(report);
            if (report.status().compareTo(overall) > 0) {
                overall = report.status();
            }
        }
        reports.sort(Comparator.comparing(CheckReport::name));
        if (!Callers.permits(security, Role.METRICS, null, null)) {
            reports = List.of(); // the overall status is public, the details are not
        }
        return Response.status(overall == HealthStatus.DOWN ? 503 : 200)
                .entity(new HealthReport(overall, Instant.now(), reports))
                .build();
    }

    /**
     * {@code GET /health/metrics}: every number of every check as a flat metric, in JSON ({@code
     * {"metrics": {"storage.spools.postgres-main.samples": 0, ...}}}) or, for {@code Accept:
     * text/plain}, in the Prometheus text format ({@code
     * armature_storage_spools_postgres_main_samples 0}). Each check also yields {@code
     * <check>.status}: 0 up, 1 degraded, 2 down.
     */
    @GET
    @RequiresRole(Role.METRICS)
    @Path("metrics")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response metrics(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        Map<String, Number> metrics = new java.util.TreeMap<>();
        for (HealthCheck check : checks) {
            CheckReport report = run(check);
            metrics.put(report.name() + ".status", report.status().ordinal());
            flatten(report.name(), report.data(), metrics);
        }
        boolean text =
                headers.getAcceptableMediaTypes().stream()
                        .anyMatch(
                                m ->
                                        m.isCompatible(MediaType.TEXT_PLAIN_TYPE)
                                                && !m.isWildcardType());
        if (text) {
            StringBuilder body = new StringBuilder();
            metrics.forEach(
                    (name, value) ->
                            body.append("armature_")
                                    .append(
                                            name.toLowerCase(java.util.Locale.ROOT)
                                                    .replaceAll("[^a-z0-9_]", "_"))
                                    .append(' ')
                                    .append(value)
                                    .append('\n'));
            return Response.ok(body.toString(), MediaType.TEXT_PLAIN_TYPE).build();
        }
        return Response.ok(Map.of("metrics", metrics), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static void flatten(String prefix, Object value, Map<String, Number> into) {
        if (value instanceof Number number) {
            into.put(prefix, number);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> flatten(prefix + "." + key, inner, into));
        }
    }

    private static CheckReport run(HealthCheck check) {
        String name;
        try {
            name = check.name();
        } catch (RuntimeException e) {
            name = check.getClass().getName();
        }
        try {
            HealthResult result = check.check();
            return new CheckReport(name, result.status(), result.detail(), result.data());
        } catch (RuntimeException e) {
            return new CheckReport(name, HealthStatus.DOWN, "check failed: " + e, Map.of());
        }
    }
}
