package io.armature.storage.postgres.internal;

import io.armature.api.storage.Aggregate;
import io.armature.api.storage.Bucket;
import io.armature.api.storage.BucketQuery;
import io.armature.api.storage.RawPage;
import io.armature.api.storage.RawQuery;
import io.armature.api.storage.SeriesKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Raw pages (keyset cursor on time), bucketed aggregates and latest values of one tenant. */
final class SampleReader {
    private final DataSource dataSource;
    private final TenantSchemas schemas;
    private final SeriesIds series;

    SampleReader(DataSource dataSource, TenantSchemas schemas, SeriesIds series) {
        this.dataSource = dataSource;
        this.schemas = schemas;
        this.series = series;
    }

    RawPage raw(RawQuery query) throws SQLException {
        Instant after = query.cursor() == null ? null : decodeCursor(query.cursor());
        try (Connection connection = dataSource.getConnection()) {
            Optional<Integer> id = seriesId(connection, query.series());
            if (id.isEmpty()) {
                return new RawPage(List.of(), null);
            }
            String schema = schemas.schemaOf(query.series().tenant());
            String sql =
                    "SELECT time, value FROM "
                            + schema
                            + ".samples WHERE series_id = ? AND time >= ? AND time < ?"
                            + (after == null ? "" : " AND time > ?")
                            + " ORDER BY time LIMIT ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setInt(i++, id.get());
                statement.setObject(i++, utc(query.from()));
                statement.setObject(i++, utc(query.to()));
                if (after != null) {
                    statement.setObject(i++, utc(after));
                }
                statement.setInt(i, query.limit() + 1);
                statement.setFetchSize(Math.min(query.limit() + 1, 100_000));
                List<RawPage.Point> points = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        points.add(
                                new RawPage.Point(
                                        result.getObject(1, OffsetDateTime.class).toInstant(),
                                        result.getDouble(2)));
                    }
                }
                if (points.size() <= query.limit()) {
                    return new RawPage(points, null);
                }
                List<RawPage.Point> page = points.subList(0, query.limit());
                return new RawPage(page, encodeCursor(page.get(page.size() - 1).time()));
            }
        }
    }

    List<Bucket> buckets(BucketQuery query) throws SQLException {
        long width = query.width().toNanos() / 1_000;
        if (width < 1) {
            throw new IllegalArgumentException("bucket width must be at least 1 microsecond");
        }
        long fromMicros = Math.floorDiv(BinaryCopy.micros(query.from()), width) * width;
        TreeMap<Long, Map<Aggregate, Double>> found = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            Optional<Integer> id = seriesId(connection, query.series());
            if (id.isPresent()) {
                String schema = schemas.schemaOf(query.series().tenant());
                String sql =
                        fromRollups(query, width)
                                ? "SELECT floor(extract(epoch FROM bucket) * 1000000 / ?)::bigint AS b, sum(sum) / sum(count), min(min), max(max), sum(sum), sum(count),"
                                        + " (array_agg(first ORDER BY first_time))[1], (array_agg(last ORDER BY last_time DESC))[1]"
                                        + " FROM "
                                        + schema
                                        + ".rollup_1h WHERE series_id = ? AND bucket >= ? AND bucket < ? GROUP BY b ORDER BY b"
                                : "SELECT floor(extract(epoch FROM time) * 1000000 / ?)::bigint AS b, avg(value), min(value), max(value), sum(value), count(*),"
                                        + " (array_agg(value ORDER BY time))[1], (array_agg(value ORDER BY time DESC))[1]"
                                        + " FROM "
                                        + schema
                                        + ".samples WHERE series_id = ? AND time >= ? AND time < ? GROUP BY b ORDER BY b";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setLong(1, width);
                    statement.setInt(2, id.get());
                    statement.setObject(3, utc(query.from()));
                    statement.setObject(4, utc(query.to()));
                    try (ResultSet r = statement.executeQuery()) {
                        while (r.next()) {
                            Map<Aggregate, Double> values = new EnumMap<>(Aggregate.class);
                            values.put(Aggregate.AVG, r.getDouble(2));
                            values.put(Aggregate.MIN, r.getDouble(3));
                            values.put(Aggregate.MAX, r.getDouble(4));
                            values.put(Aggregate.SUM, r.getDouble(5));
                            values.put(Aggregate.COUNT, (double) r.getLong(6));
                            values.put(Aggregate.FIRST, r.getDouble(7));
                            values.put(Aggregate.LAST, r.getDouble(8));
                            values.keySet().retainAll(query.aggregates());
                            found.put(r.getLong(1) * width, values);
                        }
                    }
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        long toMicros = BinaryCopy.micros(query.to());
        for (long start = fromMicros; start < toMicros; start += width) {
            Map<Aggregate, Double> values = found.get(start);
            if (values == null) {
                values =
                        query.aggregates().contains(Aggregate.COUNT)
                                ? Map.of(Aggregate.COUNT, 0.0)
                                : Map.of();
            }
            buckets.add(
                    new Bucket(
                            Instant.ofEpochSecond(
                                    Math.floorDiv(start, 1_000_000L),
                                    Math.floorMod(start, 1_000_000L) * 1_000L),
                            values));
        }
        return buckets;
    }

    /**
     * Buckets of whole hours over a range of whole hours are answered from the hourly rollups
     * (exact for every aggregate, and still there after retention dropped the raw samples).
     */
    static boolean fromRollups(BucketQuery query, long widthMicros) {
        return widthMicros % Rollups.HOUR_MICROS == 0
                && BinaryCopy.micros(query.from()) % Rollups.HOUR_MICROS == 0
                && BinaryCopy.micros(query.to()) % Rollups.HOUR_MICROS == 0;
    }

    Map<String, RawPage.Point> latest(String tenant, String device) throws SQLException {
        Map<String, RawPage.Point> latest = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!schemas.exists(connection, tenant)) {
                return latest;
            }
            String schema = schemas.schemaOf(tenant);
            String sql =
                    "SELECT s.metric, p.time, p.value FROM "
                            + schema
                            + ".series s CROSS JOIN LATERAL"
                            + " (SELECT time, value FROM "
                            + schema
                            + ".samples WHERE series_id = s.id ORDER BY time DESC LIMIT 1) p"
                            + " WHERE s.device = ? ORDER BY s.metric";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, device);
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        latest.put(
                                r.getString(1),
                                new RawPage.Point(
                                        r.getObject(2, OffsetDateTime.class).toInstant(),
                                        r.getDouble(3)));
                    }
                }
            }
        }
        return latest;
    }

    private Optional<Integer> seriesId(Connection connection, SeriesKey key) throws SQLException {
        if (!schemas.exists(connection, key.tenant())) {
            return Optional.empty();
        }
        return series.find(connection, schemas.schemaOf(key.tenant()), key.device(), key.metric());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String encodeCursor(Instant time) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("t" + BinaryCopy.micros(time)).getBytes(StandardCharsets.US_ASCII));
    }

    static Instant decodeCursor(String cursor) {
        try {
            String text =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith("t")) {
                throw new IllegalArgumentException("malformed cursor");
            }
            long micros = Long.parseLong(text.substring(1));
            return Instant.ofEpochSecond(
                    Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cursor '" + cursor + "' is not one this API returned");
        }
    }
}
