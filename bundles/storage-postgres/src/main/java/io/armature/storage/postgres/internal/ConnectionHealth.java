package io.armature.storage.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Probes the database every few seconds on its own thread and keeps the last answer, so that {@code
 * /health} never waits for a connection timeout.
 */
final class ConnectionHealth implements AutoCloseable {
    private final HikariDataSource pool;
    private final ScheduledExecutorService prober;
    private volatile HealthResult current =
            new HealthResult(HealthStatus.DOWN, "not probed yet", Map.of());

    ConnectionHealth(HikariDataSource pool) {
        this.pool = pool;
        this.prober =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "armature-postgres-health");
                            thread.setDaemon(true);
                            return thread;
                        });
        prober.scheduleWithFixedDelay(this::probe, 0, 5, TimeUnit.SECONDS);
    }

    HealthResult current() {
        return current;
    }

    void probe() {
        var mx = pool.getHikariPoolMXBean();
        Map<String, Object> data =
                mx == null
                        ? Map.of()
                        : Map.of(
                                "active_connections",
                                mx.getActiveConnections(),
                                "idle_connections",
                                mx.getIdleConnections());
        try (Connection connection = pool.getConnection()) {
            current =
                    connection.isValid(2)
                            ? new HealthResult(HealthStatus.UP, "connected", data)
                            : new HealthResult(
                                    HealthStatus.DOWN, "database connection is not valid", data);
        } catch (SQLException e) {
            current =
                    new HealthResult(
                            HealthStatus.DOWN, "database unreachable: " + e.getMessage(), data);
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
