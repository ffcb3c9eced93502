package io.armature.rest.internal.data;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.api.storage.Aggregate;
import io.armature.api.storage.Bucket;
import io.armature.api.storage.BucketQuery;
import io.armature.api.storage.RawPage;
import io.armature.api.storage.RawQuery;
import io.armature.api.storage.SeriesKey;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Reads of stored series: raw samples with cursor paging, bucketed aggregates, latest values; JSON
 * or CSV ({@code Accept: text/csv}). 503 with {@code Retry-After} while the database is unreachable
 * or no storage backend is configured.
 */
@Component(name = "io.armature.rest.series", service = SeriesResource.class)
@RestResource
@Path("/api/v1/tenants/{tenant}/devices")
@RequiresRole(Role.VIEWER)
@Produces({"application/json", "text/csv"})
public final class SeriesResource {
    static final int MAX_LIMIT = 100_000;
    static final int MAX_BUCKETS = 100_000;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TimeSeriesStore store;

    @GET
    @Path("{device}/metrics/{metric}/samples")
    public Response samples(
            @PathParam("tenant") String tenant,
            @PathParam("device") String device,
            @PathParam("metric") String metric,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("bucket") String bucket,
            @QueryParam("agg") String agg,
            @HeaderParam("Accept") String accept) {
        PathIdentifiers.require("tenant", tenant);
        PathIdentifiers.require("device", device);
        PathIdentifiers.require("metric", metric);
        PathIdentifiers.requireDevice(registry, tenant, device);
        if (registry.metrics(tenant, device).stream().noneMatch(m -> m.id().equals(metric))) {
            throw new ProblemException(
                    404, "device '" + device + "' has no metric '" + metric + "'");
        }
        Instant end = QueryParameters.time("to", to, Instant.now());
        Instant start = QueryParameters.time("from", from, end.minus(Duration.ofHours(1)));
        if (!start.isBefore(end)) {
            throw new ProblemException(
                    400, "'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        SeriesKey series = new SeriesKey(tenant, device, metric);
        boolean csv = accept != null && accept.contains("text/csv");
        TimeSeriesStore backend = backend();
        try {
            if (bucket != null) {
                Duration width = QueryParameters.bucket(bucket);
                Set<Aggregate> aggregates = QueryParameters.aggregates(agg);
                long count = Duration.between(start, end).toNanos() / Math.max(1, width.toNanos());
                if (count > MAX_BUCKETS) {
                    throw new ProblemException(
                            400,
                            count
                                    + " buckets requested; at most "
                                    + MAX_BUCKETS
                                    + " (widen 'bucket' or narrow from/to)");
                }
                List<Bucket> buckets =
                        backend.buckets(new BucketQuery(series, start, end, width, aggregates));
                return csv
                        ? csv(CsvWriter.buckets(buckets, aggregates))
                        : Response.ok(Map.of("buckets", bucketRows(buckets, aggregates))).build();
            }
            RawPage page =
                    backend.raw(
                            new RawQuery(
                                    series,
                                    start,
                                    end,
                                    QueryParameters.limit(limit, 1_000, MAX_LIMIT),
                                    cursor));
            if (csv) {
                Response.ResponseBuilder response =
                        Response.ok(CsvWriter.points(page.points()), "text/csv");
                return page.nextCursor() == null
                        ? response.build()
                        : response.header("X-Next-Cursor", page.nextCursor()).build();
            }
            // bytes, not a String: Jersey would encode a 4 MB String through a Writer (~20 ms
            // for a day of 1 Hz data); the text is ASCII (times, numbers, base64url cursor)
            byte[] json =
                    CsvWriter.pointsJson(page).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (StorageUnavailableException e) {
            throw unavailable(e.getMessage());
        }
    }

    @GET
    @Path("{device}/latest")
    public Response latest(@PathParam("tenant") String tenant, @PathParam("device") String device) {
        PathIdentifiers.requireDevice(registry, tenant, device);
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("device", device);
            body.put("metrics", backend().latest(tenant, device));
            return Response.ok(body).build();
        } catch (StorageUnavailableException e) {
            throw unavailable(e.getMessage());
        }
    }

    @Reference private DeviceRegistry registry;

    private TimeSeriesStore backend() {
        TimeSeriesStore current = store;
        if (current == null) {
            throw unavailable(
                    "no storage backend is configured (enable the armature-storage-postgres feature)");
        }
        return current;
    }

    private static ProblemException unavailable(String detail) {
        return ProblemException.unavailable(detail, 5);
    }

    private static List<Map<String, Object>> bucketRows(
            List<Bucket> buckets, Set<Aggregate> aggregates) {
        List<Map<String, Object>> rows = new ArrayList<>(buckets.size());
        for (Bucket bucket : buckets) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("time", bucket.start());
            for (Aggregate aggregate : aggregates) {
                Double value = bucket.values().get(aggregate);
                row.put(
                        aggregate.name().toLowerCase(Locale.ROOT),
                        aggregate == Aggregate.COUNT && value != null
                                ? (Object) value.longValue()
                                : value);
            }
            rows.add(row);
        }
        return rows;
    }

    private static Response csv(String body) {
        return Response.ok(body, "text/csv").build();
    }
}
