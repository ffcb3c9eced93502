package io.armature.storage.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.storage.Aggregate;
import io.armature.api.storage.Bucket;
import io.armature.api.storage.BucketQuery;
import io.armature.api.storage.RawPage;
import io.armature.api.storage.RawQuery;
import io.armature.api.storage.SeriesKey;
import io.armature.api.storage.StorageUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store against a real PostgreSQL server. */
class PostgresStoreIT {
    static EmbeddedPostgres postgres;
    static PostgresStore store;
    static final Instant T0 = Instant.parse("2026-03-01T23:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store =
                new PostgresStore(
                        PostgresStore.pool(postgres.getPostgresDatabase(), 4),
                        "t_",
                        "postgres-test");
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        postgres.close();
    }

    private static List<Sample> series(
            String tenant, String device, String metric, Instant from, Duration step, int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(
                    new Sample(tenant, device, metric, from.plus(step.multipliedBy(i)), i * 0.5));
        }
        return samples;
    }

    @Test
    void rawPagesReturnEverySampleExactlyOnceAcrossDailyPartitions() throws Exception {
        List<Sample> written =
                series("acme", "press-1", "force", T0, Duration.ofSeconds(1), 10_000);
        for (int i = 0; i < written.size(); i += 2_500) {
            store.write(new SampleBatch(written.subList(i, i + 2_500)));
        }
        List<RawPage.Point> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RawPage page =
                    store.raw(
                            new RawQuery(
                                    new SeriesKey("acme", "press-1", "force"),
                                    T0,
                                    T0.plus(Duration.ofDays(1)),
                                    3_000,
                                    cursor));
            read.addAll(page.points());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(4, pages);
        assertEquals(10_000, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(written.get(i).time(), read.get(i).time());
            assertEquals(written.get(i).value(), read.get(i).value());
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet r =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                                                + " WHERE i.inhparent = '\"t_acme\".samples'::regclass AND c.relname LIKE 'samples_202603%'")) {
            r.next();
            assertEquals(
                    "samples_20260301,samples_20260302",
                    r.getString(1),
                    "the data spans two UTC days");
        }
    }

    @Test
    void bucketsHaveExactEdgesEmptyBucketsAndEveryAggregate() throws Exception {
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        List<Sample> samples = new ArrayList<>();
        // minute 0: values 1,2,3 ; minute 1: empty ; minute 2: value 10 at its first instant
        samples.add(new Sample("acme", "press-2", "temp", start.plusSeconds(0), 1));
        samples.add(new Sample("acme", "press-2", "temp", start.plusSeconds(30), 2));
        samples.add(
                new Sample("acme", "press-2", "temp", start.plusSeconds(59).plusMillis(999), 3));
        samples.add(new Sample("acme", "press-2", "temp", start.plusSeconds(120), 10));
        store.write(new SampleBatch(samples));
        List<Bucket> buckets =
                store.buckets(
                        new BucketQuery(
                                new SeriesKey("acme", "press-2", "temp"),
                                start,
                                start.plusSeconds(180),
                                Duration.ofMinutes(1),
                                EnumSet.allOf(Aggregate.class)));
        assertEquals(3, buckets.size());
        assertEquals(start, buckets.get(0).start());
        Map<Aggregate, Double> first = buckets.get(0).values();
        assertEquals(2.0, first.get(Aggregate.AVG));
        assertEquals(1.0, first.get(Aggregate.MIN));
        assertEquals(3.0, first.get(Aggregate.MAX));
        assertEquals(6.0, first.get(Aggregate.SUM));
        assertEquals(3.0, first.get(Aggregate.COUNT));
        assertEquals(1.0, first.get(Aggregate.FIRST));
        assertEquals(3.0, first.get(Aggregate.LAST));
        assertEquals(Map.of(Aggregate.COUNT, 0.0), buckets.get(1).values(), "empty bucket");
        assertEquals(10.0, buckets.get(2).values().get(Aggregate.MAX));
        assertEquals(start.plusSeconds(120), buckets.get(2).start());
    }

    @Test
    void latestValuePerMetricAndTenantsAreIsolated() throws Exception {
        Instant t = Instant.parse("2026-05-01T12:00:00Z");
        store.write(
                new SampleBatch(
                        List.of(
                                new Sample("north", "boiler", "temp", t, 60),
                                new Sample("north", "boiler", "temp", t.plusSeconds(5), 61),
                                new Sample("north", "boiler", "pressure", t, 1.2),
                                new Sample("south", "boiler", "temp", t.plusSeconds(9), 99))));
        Map<String, RawPage.Point> north = store.latest("north", "boiler");
        assertEquals(List.of("pressure", "temp"), List.copyOf(north.keySet()));
        assertEquals(61.0, north.get("temp").value());
        assertEquals(t.plusSeconds(5), north.get("temp").time());
        assertEquals(99.0, store.latest("south", "boiler").get("temp").value());
        RawPage southFromNorth =
                store.raw(
                        new RawQuery(
                                new SeriesKey("north", "boiler", "temp"),
                                t,
                                t.plusSeconds(60),
                                100,
                                null));
        assertEquals(2, southFromNorth.points().size(), "the other tenant's sample is not visible");
        assertEquals(Map.of(), store.latest("nobody", "boiler"));
        assertNull(
                store.raw(
                                new RawQuery(
                                        new SeriesKey("nobody", "x", "y"),
                                        t,
                                        t.plusSeconds(1),
                                        1,
                                        null))
                        .nextCursor());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        store.raw(
                                new RawQuery(
                                        new SeriesKey("north", "boiler", "temp"),
                                        t,
                                        t.plusSeconds(60),
                                        1,
                                        "garbage")));
    }

    @Test
    void anUnreachableDatabaseIsReportedAsUnavailable() throws Exception {
        EmbeddedPostgres other = EmbeddedPostgres.builder().start();
        PostgresStore doomed =
                new PostgresStore(
                        PostgresStore.pool(other.getPostgresDatabase(), 1),
                        "t_",
                        "postgres-doomed");
        doomed.write(SampleBatch.of(new Sample("acme", "d", "m", T0, 1)));
        other.close();
        StorageUnavailableException e =
                assertThrows(
                        StorageUnavailableException.class,
                        () ->
                                doomed.write(
                                        SampleBatch.of(
                                                new Sample(
                                                        "acme", "d", "m", T0.plusSeconds(1), 2))));
        assertTrue(e.getMessage().contains("unavailable"), e.getMessage());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (doomed.check().status() != io.armature.api.health.HealthStatus.DOWN
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(
                io.armature.api.health.HealthStatus.DOWN,
                doomed.check().status(),
                "the background probe noticed");
        doomed.close();
    }

    @Test
    void aBatchRetriedWithTheSameIdIsStoredOnce() throws Exception {
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        SampleBatch batch =
                new SampleBatch(series("retry", "d", "m", t, Duration.ofSeconds(1), 50));
        java.util.UUID id = java.util.UUID.randomUUID();
        store.write(batch, id);
        store.write(batch, id);
        store.write(batch, java.util.UUID.randomUUID());
        RawPage page =
                store.raw(
                        new RawQuery(
                                new SeriesKey("retry", "d", "m"),
                                t,
                                t.plusSeconds(3600),
                                1000,
                                null));
        assertEquals(100, page.points().size(), "the same id once, a new id again");
    }

    private static List<String> partitionsOf(String schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                ResultSet r =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                                                + " WHERE i.inhparent = '\""
                                                + schema
                                                + "\".samples'::regclass ORDER BY 1")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static String day(Instant time) {
        return "samples_" + time.toString().substring(0, 10).replace("-", "");
    }

    @Test
    void hourlyBucketsComeFromRollupsThatAgreeWithTheRawSamplesAndOutliveRetention()
            throws Exception {
        Instant from = Instant.parse("2026-05-10T00:00:00Z");
        List<Sample> samples = new ArrayList<>();
        // 6 hours at one sample per 10 s, hour 3 left empty, values integral so sums are exact
        for (int i = 0; i < 6 * 360; i++) {
            if (i / 360 != 3) {
                samples.add(
                        new Sample(
                                "rollup",
                                "press",
                                "force",
                                from.plusSeconds(i * 10L),
                                (i * 7) % 101));
            }
        }
        // written in uneven batches, so several writes merge into the same hourly rows
        for (int i = 0; i < samples.size(); i += 333) {
            store.write(new SampleBatch(samples.subList(i, Math.min(samples.size(), i + 333))));
        }
        BucketQuery twoHourly =
                new BucketQuery(
                        new SeriesKey("rollup", "press", "force"),
                        from,
                        from.plus(Duration.ofHours(6)),
                        Duration.ofHours(2),
                        EnumSet.allOf(Aggregate.class));
        List<Bucket> buckets = store.buckets(twoHourly);
        assertTrue(SampleReader.fromRollups(twoHourly, Duration.ofHours(2).toNanos() / 1_000));
        assertEquals(3, buckets.size());
        for (int b = 0; b < 3; b++) {
            Instant start = from.plus(Duration.ofHours(2L * b));
            List<Sample> inBucket =
                    samples.stream()
                            .filter(
                                    x ->
                                            !x.time().isBefore(start)
                                                    && x.time()
                                                            .isBefore(
                                                                    start.plus(
                                                                            Duration.ofHours(2))))
                            .toList();
            Map<Aggregate, Double> values = buckets.get(b).values();
            assertEquals(start, buckets.get(b).start());
            assertEquals(inBucket.size(), values.get(Aggregate.COUNT).intValue(), "count " + b);
            double sum = inBucket.stream().mapToDouble(Sample::value).sum();
            assertEquals(sum, values.get(Aggregate.SUM), "sum " + b);
            assertEquals(sum / inBucket.size(), values.get(Aggregate.AVG), 1e-9, "avg " + b);
            assertEquals(
                    inBucket.stream().mapToDouble(Sample::value).min().orElseThrow(),
                    values.get(Aggregate.MIN));
            assertEquals(
                    inBucket.stream().mapToDouble(Sample::value).max().orElseThrow(),
                    values.get(Aggregate.MAX));
            assertEquals(inBucket.get(0).value(), values.get(Aggregate.FIRST), "first " + b);
            assertEquals(
                    inBucket.get(inBucket.size() - 1).value(),
                    values.get(Aggregate.LAST),
                    "last " + b);
        }

        assertEquals(1, store.dropBefore("rollup", from.plus(Duration.ofDays(1))));
        assertTrue(
                store.raw(
                                new RawQuery(
                                        new SeriesKey("rollup", "press", "force"),
                                        from,
                                        from.plus(Duration.ofHours(6)),
                                        10,
                                        null))
                        .points()
                        .isEmpty(),
                "raw samples dropped");
        assertEquals(buckets, store.buckets(twoHourly), "hourly history kept after retention");
    }

    @Test
    void partitionsAreCreatedAheadAndRetentionDropsOnlyWholeDaysBeforeTheCutoff() throws Exception {
        Instant today = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        List<Sample> samples = new ArrayList<>();
        for (int d = 5; d >= 1; d--) {
            samples.addAll(
                    series(
                            "retain",
                            "valve",
                            "flow",
                            today.minus(Duration.ofDays(d)).plusSeconds(3_600),
                            Duration.ofMinutes(1),
                            10));
        }
        store.write(new SampleBatch(samples));
        List<String> partitions = partitionsOf("t_retain");
        for (int d = 0; d <= Partitions.DAYS_AHEAD; d++) {
            assertTrue(
                    partitions.contains(day(today.plus(Duration.ofDays(d)))),
                    "ahead: " + partitions);
        }
        // cutoff in the middle of day -2: days -5, -4 and -3 end before it; day -2 does not
        Instant cutoff = today.minus(Duration.ofDays(2)).plusSeconds(7_200);
        assertEquals(3, store.dropBefore("retain", cutoff));
        List<String> left = partitionsOf("t_retain");
        assertTrue(left.contains(day(today.minus(Duration.ofDays(2)))), left.toString());
        assertTrue(!left.contains(day(today.minus(Duration.ofDays(3)))), left.toString());
        List<RawPage.Point> kept =
                store.raw(
                                new RawQuery(
                                        new SeriesKey("retain", "valve", "flow"),
                                        today.minus(Duration.ofDays(10)),
                                        today,
                                        1_000,
                                        null))
                        .points();
        assertEquals(20, kept.size(), "days -2 and -1 kept whole");
        assertTrue(kept.get(0).time().isAfter(today.minus(Duration.ofDays(3))));
        assertEquals(0, store.dropBefore("retain", cutoff), "idempotent");
        assertEquals(0, store.dropBefore("no-such-tenant", cutoff));
    }

    /** How many samples of the series lie in the 1,000 s from {@code from}. */
    private static int stored(String tenant, String device, Instant from) throws Exception {
        return store.raw(
                        new RawQuery(
                                new SeriesKey(tenant, device, "m"),
                                from,
                                from.plusSeconds(1_000),
                                1_000,
                                null))
                .points()
                .size();
    }

    @Test
    void deletingADeviceOrATenantRemovesOnlyItsData() throws Exception {
        Instant from = Instant.parse("2026-05-20T00:00:00Z");
        Duration second = Duration.ofSeconds(1);
        store.write(new SampleBatch(series("del", "keep", "m", from, second, 100)));
        store.write(new SampleBatch(series("del", "gone", "m", from, second, 100)));
        store.write(new SampleBatch(series("del2", "gone", "m", from, second, 100)));
        store.deleteDevice("del", "gone");
        assertEquals(0, stored("del", "gone", from));
        assertTrue(store.latest("del", "gone").isEmpty());
        assertEquals(100, stored("del", "keep", from));
        assertEquals(100, stored("del2", "gone", from));
        // the device sends again: a new series, nothing of the old one comes back
        store.write(new SampleBatch(series("del", "gone", "m", from.plusSeconds(500), second, 5)));
        assertEquals(5, stored("del", "gone", from));

        store.deleteTenant("del");
        assertEquals(0, stored("del", "gone", from));
        assertTrue(store.latest("del", "keep").isEmpty());
        assertEquals(100, stored("del2", "gone", from));
        store.write(new SampleBatch(series("del", "keep", "m", from, second, 3)));
        assertEquals(3, stored("del", "keep", from), "a tenant created again starts empty");
    }
}
