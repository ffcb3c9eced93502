package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo profile's embedded PostgreSQL as a small installation runs it in production: durable
 * settings, and a runtime killed with SIGKILL restarts with no manual step and every acknowledged
 * sample.
 */
class EmbeddedDatabaseIT {
    /** The embedded server's pid and port, from its {@code postmaster.pid}. */
    private record Postmaster(long pid, int port) {
        static Postmaster of(Path home) throws Exception {
            List<String> lines = Files.readAllLines(home.resolve("data/postgres/postmaster.pid"));
            return new Postmaster(
                    Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim()));
        }

        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** The embedded server's password, created with its cluster. */
    private static String password(Path home) throws Exception {
        return Files.readString(home.resolve("data/secrets/postgres.password")).strip();
    }

    private static String query(Path home, String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", password(home));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void aRuntimeKilledWithSigkillRestartsCleanlyWithEveryAcknowledgedSampleOnADurableServer()
            throws Exception {
        Path home = RuntimeProcess.freshHome();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minusSeconds(3_600);
        long acknowledged = 0;
        Postmaster first;
        try (RuntimeProcess runtime = RuntimeProcess.start(home, Map.of())) {
            first = Postmaster.of(home);
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertEquals("on", query(home, first.url(), "SHOW " + setting), setting);
            }
            // no other local user or process gets in without the password
            for (String wrong : List.of("", "postgres")) {
                org.junit.jupiter.api.Assertions.assertThrows(
                        java.sql.SQLException.class,
                        () -> DriverManager.getConnection(first.url(), "postgres", wrong).close(),
                        "password '" + wrong + "' refused");
            }
            for (int request = 0; request < 20; request++) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < 500; i++) {
                    long n = request * 500L + i;
                    body.append(i == 0 ? "" : ",")
                            .append("{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"")
                            .append(start.plusMillis(n * 100))
                            .append("\",\"value\":")
                            .append(n)
                            .append('}');
                }
                var answer =
                        runtime.post("/api/v1/tenants/crash/samples", body.append(']').toString());
                assertEquals(200, answer.statusCode(), answer.body());
                JsonNode json = RuntimeProcess.JSON.readTree(answer.body());
                acknowledged += json.get("accepted").asLong();
            }
            runtime.kill();
        }
        assertEquals(10_000, acknowledged);
        assertTrue(
                first.alive(), "the killed JVM left its PostgreSQL running: the case under test");

        try (RuntimeProcess restarted = RuntimeProcess.start(home, Map.of())) {
            assertTrue(restarted.output().contains("did not stop cleanly"), restarted.output());
            Postmaster second = Postmaster.of(home);
            assertFalse(first.alive(), "the orphan was shut down");
            assertTrue(second.pid() != first.pid());
            RuntimeProcess.await(
                    "every acknowledged sample stored",
                    Duration.ofSeconds(60),
                    () ->
                            Long.parseLong(
                                            query(
                                                    home,
                                                    second.url(),
                                                    "SELECT count(*) FROM t_crash.samples"))
                                    >= 10_000);
            assertEquals(
                    "10000",
                    query(home, second.url(), "SELECT count(DISTINCT time) FROM t_crash.samples"));
            assertEquals(
                    "10000",
                    query(home, second.url(), "SELECT count(*) FROM t_crash.samples"),
                    "each once");
            assertEquals(
                    String.valueOf(10_000L * 9_999 / 2),
                    query(home, second.url(), "SELECT sum(value)::int8 FROM t_crash.samples"));
            JsonNode health = restarted.getJson("/health");
            assertEquals("UP", health.get("status").asText(), health.toString());
        }
    }

    @Test
    void aSecondRuntimeOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsItsDatabase()
            throws Exception {
        Path home = RuntimeProcess.freshHome();
        try (RuntimeProcess runtime = RuntimeProcess.start(home, Map.of())) {
            Postmaster postmaster = Postmaster.of(home);
            Map.Entry<Integer, String> second = RuntimeProcess.runToExit(home, Map.of());
            assertEquals(1, second.getKey(), second.getValue());
            assertTrue(second.getValue().contains("another runtime is using"), second.getValue());
            assertTrue(postmaster.alive(), "the running runtime's database was left alone");
            assertEquals("UP", runtime.getJson("/health").get("status").asText());
        }
    }
}
