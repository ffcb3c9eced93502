package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A runtime with the PostgreSQL storage feature against a real PostgreSQL server: a driver's
 * samples go through ingest, the storage writer and binary COPY into the database; while the
 * database is down they are spooled, and after it returns every sample is stored exactly once.
 */
class PostgresStorageIT {
    /**
     * The plugin template's signal generator's samples (device signal-1 of tenant demo): the demo
     * profile's simulated devices write to the same tenant.
     */
    private static final String SIGNAL =
            "(SELECT * FROM t_demo.samples WHERE series_id IN"
                    + " (SELECT id FROM t_demo.series WHERE device = 'signal-1')) signal";

    private static long count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String duplicates(String url) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                ResultSet result =
                        connection
                                .createStatement()
                                .executeQuery(
                                        "SELECT time, count(*), min(value), max(value) FROM "
                                                + SIGNAL
                                                + " GROUP BY time HAVING count(*) > 1")) {
            while (result.next()) {
                text.append(result.getString(1))
                        .append(" x")
                        .append(result.getInt(2))
                        .append(' ')
                        .append(result.getDouble(3))
                        .append('/')
                        .append(result.getDouble(4))
                        .append("; ");
            }
        }
        return text.toString();
    }

    @Test
    void samplesAreStoredSpooledDuringAnOutageAndStoredOnceAfterIt() throws Exception {
        DebianPostgres database = DebianPostgres.create();
        String url = database.url();
        String stored = "SELECT count(*) FROM " + SIGNAL;
        // one statement, one snapshot: the driver keeps adding samples between two queries
        String duplicated = "SELECT count(*) - count(DISTINCT time) FROM " + SIGNAL;
        String largestGapMs =
                "SELECT coalesce(max(gap), 0) FROM (SELECT extract(epoch FROM time - lag(time) OVER (ORDER BY time)) * 1000 AS gap FROM "
                        + SIGNAL
                        + ") g";
        Path home = RuntimeProcess.freshHome();
        Files.writeString(
                home.resolve("deploy/com.example.signal.generator.config"),
                "intervalMillis=I\"100\"\n");
        Files.copy(Deployables.template(), home.resolve("deploy/signal.jar"));
        try (RuntimeProcess runtime =
                RuntimeProcess.start(
                        home, Map.of("ARMATURE_DB_URL", url, "ARMATURE_DB_USER", "postgres"))) {
            assertEquals(
                    200,
                    runtime.put(
                                    "/api/v1/system/features/armature-storage-postgres",
                                    "{\"enabled\": true}")
                            .statusCode());
            RuntimeProcess.await(
                    "samples in PostgreSQL",
                    Duration.ofSeconds(30),
                    () -> count(url, stored) >= 10);
            RuntimeProcess.await(
                    "storage healthy",
                    Duration.ofSeconds(15),
                    () ->
                            runtime.getJson("/health")
                                    .toString()
                                    .contains(
                                            "\"name\":\"storage.postgres-main\",\"status\":\"UP\""));

            database.kill(); // a crash in the middle of ingest: SIGKILL, no shutdown checkpoint
            java.time.Instant down = java.time.Instant.now();
            RuntimeProcess.await(
                    "spooling while the database is down",
                    Duration.ofSeconds(30),
                    // the database's own check is DOWN meanwhile: /health answers 503 with its body
                    () -> runtime.get("/health").body().contains("samples spooled"));
            Thread.sleep(2_000);

            java.time.Instant up = java.time.Instant.now();
            database.start(); // crash recovery replays the server's WAL
            RuntimeProcess.await(
                    "spool drained",
                    Duration.ofSeconds(60),
                    () ->
                            RuntimeProcess.JSON
                                    .readTree(runtime.get("/health").body())
                                    .get("status")
                                    .asText()
                                    .equals("UP"));
            assertEquals(
                    0,
                    count(url, duplicated),
                    "no sample stored twice; duplicated: " + duplicates(url));
            assertTrue(
                    count(url, largestGapMs) < 1_000,
                    "no gap in the series: nothing lost during the outage");
            long duringOutage =
                    count(
                            url,
                            "SELECT count(*) FROM "
                                    + SIGNAL
                                    + " WHERE time > '"
                                    + down
                                    + "' AND time < '"
                                    + up
                                    + "'");
            assertTrue(
                    duringOutage >= 10,
                    "samples produced while the database was down are stored: " + duringOutage);
        } finally {
            database.close();
        }
    }

    @Test
    void samplesPostedOverRestAreValidatedStoredAndReadBackRawBucketedAndAsCsv() throws Exception {
        DebianPostgres database = DebianPostgres.create();
        String url = database.url();
        try (RuntimeProcess runtime =
                RuntimeProcess.start(
                        RuntimeProcess.freshHome(),
                        Map.of("ARMATURE_DB_URL", url, "ARMATURE_DB_USER", "postgres"))) {
            runtime.put("/api/v1/system/features/armature-storage-postgres", "{\"enabled\": true}");
            String base = "/api/v1/tenants/acme";
            String series = base + "/devices/press-1/metrics/force/samples";
            String body =
                    "["
                            + "{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"2026-11-01T10:00:00Z\",\"value\":1.5},"
                            + "{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"2026-11-01T10:00:30Z\",\"value\":\"warm\"},"
                            + "{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"2026-11-01T10:00:40Z\",\"value\":2.5},"
                            + "{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"2026-11-01T10:00:50Z\",\"value\":\"NaN\"},"
                            + "{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"2999-01-01T00:00:00Z\",\"value\":3},"
                            + "{\"device\":\"press 1\",\"metric\":\"force\",\"time\":\"2026-11-01T10:00:00Z\",\"value\":3},"
                            + "{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"yesterday\",\"value\":3},"
                            + "{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"2026-11-01T10:02:10Z\",\"value\":4.5,\"colour\":1}"
                            + ",{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"2026-11-01T10:02:10Z\",\"value\":4.5}]";
            var posted = runtime.post(base + "/samples", "application/json", body.getBytes());
            assertEquals(200, posted.statusCode(), posted.body());
            JsonNode answer = RuntimeProcess.JSON.readTree(posted.body());
            assertEquals(3, answer.get("accepted").asInt(), posted.body());
            assertEquals(6, answer.get("rejected").asInt(), posted.body());
            StringBuilder reasons = new StringBuilder();
            answer.get("errors")
                    .forEach(
                            e ->
                                    reasons.append(e.get("index").asInt())
                                            .append('=')
                                            .append(e.get("reason").asText())
                                            .append(' '));
            assertEquals(
                    "1=invalid_value 3=non_finite_value 4=time_in_future 5=malformed_device 6=invalid_time 7=unknown_field ",
                    reasons.toString());

            assertEquals(
                    400,
                    runtime.post(base + "/samples", "application/json", "[{\"device\":".getBytes())
                            .statusCode());
            assertEquals(
                    400,
                    runtime.post(
                                    base + "/samples",
                                    "application/json",
                                    "{\"device\":\"x\"}".getBytes())
                            .statusCode());
            assertEquals(
                    400,
                    runtime.post(
                                    "/api/v1/tenants/bad%20tenant/samples",
                                    "application/json", "[]".getBytes())
                            .statusCode());

            String window = "from=2026-11-01T10:00:00Z&to=2026-11-01T10:03:00Z";
            RuntimeProcess.await(
                    "stored",
                    Duration.ofSeconds(20),
                    () -> runtime.getJson(series + "?" + window).get("samples").size() == 3);
            JsonNode first = runtime.getJson(series + "?" + window + "&limit=2");
            assertEquals(2, first.get("samples").size());
            assertEquals("2026-11-01T10:00:00Z", first.get("samples").get(0).get("time").asText());
            JsonNode rest =
                    runtime.getJson(
                            series
                                    + "?"
                                    + window
                                    + "&limit=2&cursor="
                                    + first.get("next_cursor").asText());
            assertEquals(1, rest.get("samples").size());
            assertTrue(rest.get("next_cursor").isNull());
            assertEquals(4.5, rest.get("samples").get(0).get("value").asDouble());

            JsonNode buckets =
                    runtime.getJson(series + "?" + window + "&bucket=1m&agg=avg,count,max");
            assertEquals(3, buckets.get("buckets").size());
            assertEquals(2.0, buckets.get("buckets").get(0).get("avg").asDouble());
            assertEquals(2, buckets.get("buckets").get(0).get("count").asInt());
            assertEquals(0, buckets.get("buckets").get(1).get("count").asInt(), "empty minute");
            assertTrue(buckets.get("buckets").get(1).get("avg").isNull());

            var csv =
                    runtime.send(
                            runtime.requestTo(series + "?" + window + "&bucket=1m&agg=avg,count")
                                    .header("Accept", "text/csv"));
            assertEquals(
                    "time,avg,count\n2026-11-01T10:00:00Z,2.0,2\n2026-11-01T10:01:00Z,,0\n2026-11-01T10:02:00Z,4.5,1\n",
                    csv.body());

            JsonNode latest = runtime.getJson(base + "/devices/press-1/latest");
            assertEquals(4.5, latest.get("metrics").get("force").get("value").asDouble());
            assertEquals(400, runtime.get(series + "?from=noon").statusCode());
            assertEquals(
                    400, runtime.get(series + "?" + window + "&bucket=1m&agg=median").statusCode());
            assertEquals(400, runtime.get(series + "?" + window + "&cursor=garbage").statusCode());

            database.kill();
            RuntimeProcess.await(
                    "queries answer 503 while the database is down",
                    Duration.ofSeconds(30),
                    () -> {
                        var down = runtime.get(series + "?" + window);
                        return down.statusCode() == 503
                                && down.headers().firstValue("Retry-After").isPresent();
                    });
        } finally {
            database.close();
        }
    }

    @Test
    void aSpoolLeftByAStoppedRuntimeIsStoredByTheNextStart() throws Exception {
        DebianPostgres database = DebianPostgres.create();
        String url = database.url();
        Path home = RuntimeProcess.freshHome();
        Files.writeString(
                home.resolve("deploy/com.example.signal.generator.config"),
                "intervalMillis=I\"100\"\n");
        Files.copy(Deployables.template(), home.resolve("deploy/signal.jar"));
        Map<String, String> env = Map.of("ARMATURE_DB_URL", url, "ARMATURE_DB_USER", "postgres");
        java.time.Instant down;
        java.time.Instant stopped;
        try {
            try (RuntimeProcess runtime = RuntimeProcess.start(home, env)) {
                runtime.put(
                        "/api/v1/system/features/armature-storage-postgres", "{\"enabled\": true}");
                RuntimeProcess.await(
                        "samples stored",
                        Duration.ofSeconds(30),
                        () -> count(url, "SELECT count(*) FROM " + SIGNAL) >= 5);
                database.kill();
                down = java.time.Instant.now();
                RuntimeProcess.await(
                        "spooling",
                        Duration.ofSeconds(30),
                        () -> runtime.getJson("/health").toString().contains("samples spooled"));
                Thread.sleep(1_500);
                stopped = java.time.Instant.now();
            }
            try (var files = Files.list(home.resolve("data/spool/postgres-main"))) {
                assertTrue(
                        files.anyMatch(f -> f.toString().endsWith(".batch")),
                        "the stopped runtime left its spool on disk");
            }
            database.start();
            try (RuntimeProcess restarted = RuntimeProcess.start(home, env)) {
                RuntimeProcess.await(
                        "spool replayed",
                        Duration.ofSeconds(60),
                        () -> restarted.getJson("/health").get("status").asText().equals("UP"));
                String outage =
                        " FROM "
                                + SIGNAL
                                + " WHERE time > '"
                                + down.plusMillis(300)
                                + "' AND time < '"
                                + stopped
                                + "'";
                assertTrue(
                        count(url, "SELECT count(*)" + outage) >= 10,
                        "samples of the outage stored after the restart");
                assertEquals(
                        0,
                        count(url, "SELECT count(*) - count(DISTINCT time) FROM " + SIGNAL),
                        "nothing stored twice");
                assertTrue(
                        count(
                                        url,
                                        "SELECT coalesce(max(gap), 0) FROM (SELECT extract(epoch FROM time - lag(time) OVER (ORDER BY time)) * 1000 AS gap"
                                                + outage
                                                + ") g")
                                < 1_000,
                        "no gap while the runtime was up and the database down");
            }
        } finally {
            database.close();
        }
    }

    @Test
    void everyAcknowledgedSampleSurvivesAKilledRuntimeExactlyOnce() throws Exception {
        DebianPostgres database = DebianPostgres.create();
        String url = database.url();
        Path home = RuntimeProcess.freshHome();
        Map<String, String> env = Map.of("ARMATURE_DB_URL", url, "ARMATURE_DB_USER", "postgres");
        java.util.concurrent.atomic.AtomicLong acknowledged =
                new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong acknowledgedSum =
                new java.util.concurrent.atomic.AtomicLong();
        java.time.Instant start =
                java.time.Instant.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                        .minusSeconds(7_200);
        try {
            RuntimeProcess runtime = RuntimeProcess.start(home, env);
            // the database goes down, so acknowledged samples pile up in memory and the spool
            database.kill();
            Thread producer =
                    new Thread(
                            () -> {
                                for (int request = 0; ; request++) {
                                    StringBuilder body = new StringBuilder("[");
                                    long sum = 0;
                                    for (int i = 0; i < 500; i++) {
                                        int n = request * 500 + i;
                                        body.append(i == 0 ? "" : ",")
                                                .append(
                                                        "{\"device\":\"d\",\"metric\":\"m\",\"time\":\"")
                                                .append(start.plusMillis(n * 10L))
                                                .append("\",\"value\":")
                                                .append(n)
                                                .append('}');
                                        sum += n;
                                    }
                                    try {
                                        var answer =
                                                runtime.post(
                                                        "/api/v1/tenants/crash/samples",
                                                        body.append(']').toString());
                                        if (answer.statusCode() != 200) {
                                            return;
                                        }
                                        JsonNode json = RuntimeProcess.JSON.readTree(answer.body());
                                        if (json.get("accepted").asInt() != 500) {
                                            return;
                                        }
                                        acknowledged.addAndGet(500);
                                        acknowledgedSum.addAndGet(sum);
                                    } catch (Exception dead) {
                                        return; // the runtime was killed
                                    }
                                }
                            });
            producer.start();
            RuntimeProcess.await(
                    "samples acknowledged",
                    Duration.ofSeconds(30),
                    () -> acknowledged.get() >= 20_000);
            runtime.kill();
            producer.join(30_000);
            assertTrue(
                    Files.list(home.resolve("data/spool/.journal")).findAny().isPresent(),
                    "the killed runtime left its journal");

            database.start();
            try (RuntimeProcess restarted = RuntimeProcess.start(home, env)) {
                // while the database is down each write attempt waits for a connection (5 s), so
                // acknowledged samples were in memory when the process died: only the journal has
                // them
                assertTrue(
                        restarted
                                .output()
                                .contains("accepted before the runtime stopped abnormally"),
                        restarted.output());
                RuntimeProcess.await(
                        "every acknowledged sample stored",
                        Duration.ofSeconds(90),
                        () ->
                                count(url, "SELECT count(*) FROM t_crash.samples")
                                        >= acknowledged.get());
                RuntimeProcess.await(
                        "spool drained",
                        Duration.ofSeconds(60),
                        () -> restarted.getJson("/health").get("status").asText().equals("UP"));
                assertEquals(
                        0,
                        count(url, "SELECT count(*) - count(DISTINCT time) FROM t_crash.samples"),
                        "nothing stored twice");
                // every acknowledged request is stored whole; the request in flight at the kill
                // may or may not have been acknowledged before the process died
                long stored = count(url, "SELECT count(*) FROM t_crash.samples");
                assertTrue(
                        stored == acknowledged.get() || stored == acknowledged.get() + 500,
                        "stored " + stored + ", acknowledged " + acknowledged.get());
                long storedSum =
                        count(
                                url,
                                "SELECT sum(value)::int8 FROM t_crash.samples WHERE value < "
                                        + acknowledged.get());
                assertEquals(
                        acknowledgedSum.get(), storedSum, "the acknowledged values, each once");
            }
        } finally {
            database.close();
        }
    }
}
