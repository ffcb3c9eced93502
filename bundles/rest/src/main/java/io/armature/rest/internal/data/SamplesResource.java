package io.armature.rest.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.MetricInfo;
import io.armature.api.rest.RestResource;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.SampleBatch;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.ProblemException;
import io.armature.rest.internal.security.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/tenants/{tenant}/samples}: samples from applications. Answers how many were
 * accepted and why each other one was rejected; 503 with {@code Retry-After} when ingest is
 * saturated (the first {@code accepted} valid samples were taken; send the rest again).
 */
@Component(name = "io.armature.rest.samples", service = SamplesResource.class)
@RestResource
@Path("/api/v1/tenants/{tenant}/samples")
@RequiresRole(value = Role.INGEST, filtered = true)
@Produces(MediaType.APPLICATION_JSON)
public final class SamplesResource {
    static final int MAX_SAMPLES = 100_000;

    /** The answer of a POST. */
    public record IngestAnswer(int accepted, int rejected, List<Error> errors) {}

    /** Why one item was rejected. */
    public record Error(int index, String reason, String message) {}

    private final IngestService ingest;
    private final DeviceRegistry registry;

    @Activate
    public SamplesResource(@Reference IngestService ingest, @Reference DeviceRegistry registry) {
        this.ingest = ingest;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(
            @PathParam("tenant") String tenant,
            JsonNode body,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security)
            throws InterruptedException {
        PathIdentifiers.require("tenant", tenant);
        if (body == null || !body.isArray()) {
            throw new ProblemException(
                    400,
                    "body must be a JSON array of {\"device\", \"metric\", \"time\", \"value\"} objects");
        }
        if (body.size() > MAX_SAMPLES) {
            throw new ProblemException(
                    413, body.size() + " samples in one request; at most " + MAX_SAMPLES);
        }
        SampleParser.Parsed parsed = SampleParser.parse(tenant, body);
        if (!Callers.permits(security, Role.INGEST, tenant, null)) {
            parsed =
                    SampleParser.onlyPermitted(
                            parsed,
                            device -> Callers.permits(security, Role.INGEST, tenant, device));
        }
        IngestResult result =
                ingest.ingest(new SampleBatch(parsed.samples()), Duration.ofSeconds(2));
        declareUnits(tenant, parsed.units());
        List<Error> errors = new ArrayList<>();
        parsed.rejections().forEach(r -> errors.add(new Error(r.index(), r.reason(), r.message())));
        for (Rejection r : result.rejections()) {
            errors.add(new Error(parsed.indexes().get(r.index()), r.reason(), r.message()));
        }
        errors.sort(Comparator.comparingInt(Error::index));
        IngestAnswer answer = new IngestAnswer(result.accepted(), errors.size(), errors);
        if (result.mustRetry()) {
            Map<String, Object> busy = new LinkedHashMap<>();
            busy.put("type", "about:blank");
            busy.put("title", "Service Unavailable");
            busy.put("status", 503);
            busy.put("detail", retryDetail(result));
            busy.put("reason", result.retryReason());
            busy.put("accepted", result.accepted());
            busy.put("errors", errors);
            return Response.status(503)
                    .header("Retry-After", Math.max(1, result.retryAfter().toSeconds()))
                    .type("application/problem+json")
                    .entity(busy)
                    .build();
        }
        return Response.status(result.accepted() == 0 && !errors.isEmpty() ? 422 : 200)
                .entity(answer)
                .build();
    }

    private static String retryDetail(IngestResult result) {
        String cause =
                switch (result.retryReason()) {
                    case IngestResult.NO_STORAGE_BACKEND -> "no storage backend is configured";
                    case IngestResult.SPOOL_QUOTA_EXCEEDED ->
                            "a storage backend is unreachable and its spool on disk is at its quota";
                    case IngestResult.JOURNAL_UNWRITABLE -> "the ingest journal cannot be written";
                    case IngestResult.STOPPING -> "the runtime is stopping";
                    default -> "ingest is saturated";
                };
        return cause
                + ": "
                + result.accepted()
                + " valid samples were taken in order; send the others again later";
    }

    /** Units sent with samples become the metric's declared unit (the latest one wins). */
    private void declareUnits(String tenant, Map<List<String>, String> units) {
        units.forEach(
                (series, unit) -> {
                    String device = series.get(0);
                    String metric = series.get(1);
                    if (registry.device(tenant, device).isEmpty()) {
                        return; // rejected samples declare nothing
                    }
                    MetricInfo known =
                            registry.metrics(tenant, device).stream()
                                    .filter(m -> m.id().equals(metric))
                                    .findFirst()
                                    .orElse(null);
                    if (known != null && unit.equals(known.unit())) {
                        return;
                    }
                    registry.describeMetric(
                            tenant,
                            device,
                            new MetricInfo(
                                    metric,
                                    unit,
                                    known == null ? null : known.displayName(),
                                    known == null ? null : known.valueType()));
                });
    }
}
