package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
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
    private static long count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    @Test
    void samplesAreStoredSpooledDuringAnOutageAndStoredOnceAfterIt() throws Exception {
        Path data = Files.createTempDirectory("armature-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        String stored = "SELECT count(*) FROM t_demo.samples";
        String distinct = "SELECT count(DISTINCT time) FROM t_demo.samples";
        String largestGapMs =
                "SELECT coalesce(max(gap), 0) FROM (SELECT extract(epoch FROM time - lag(time) OVER (ORDER BY time)) * 1000 AS gap FROM t_demo.samples) g";
        EmbeddedPostgres database = postgres(data, port);
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

            database.close();
            java.time.Instant down = java.time.Instant.now();
            RuntimeProcess.await(
                    "spooling while the database is down",
                    Duration.ofSeconds(30),
                    () -> {
                        JsonNode health = runtime.getJson("/health");
                        return health.toString().contains("samples spooled");
                    });
            Thread.sleep(2_000);

            java.time.Instant up = java.time.Instant.now();
            database = postgres(data, port);
            RuntimeProcess.await(
                    "spool drained",
                    Duration.ofSeconds(60),
                    () -> runtime.getJson("/health").get("status").asText().equals("UP"));
            long total = count(url, stored);
            assertEquals(total, count(url, distinct), "no sample stored twice");
            assertTrue(
                    count(url, largestGapMs) < 1_000,
                    "no gap in the series: nothing lost during the outage");
            long duringOutage =
                    count(
                            url,
                            "SELECT count(*) FROM t_demo.samples WHERE time > '"
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
}
