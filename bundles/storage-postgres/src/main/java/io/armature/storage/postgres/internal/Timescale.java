package io.armature.storage.postgres.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TimescaleDB, when the server has it: new tenant schemas then store samples in a hypertable (daily
 * chunks, dropped by {@code drop_chunks}) instead of native daily partitions. Detected once per
 * store; a server without the extension, or one that cannot load it, uses native partitioning.
 */
final class Timescale {
    private static final Logger LOG = LoggerFactory.getLogger(Timescale.class);

    private Timescale() {}

    /** True when the extension is installed, or available and could be created now. */
    static boolean enable(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet installed =
                    statement.executeQuery(
                            "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")) {
                if (installed.next()) {
                    LOG.info("TimescaleDB present: new tenants store samples in hypertables");
                    return true;
                }
            }
            try (ResultSet available =
                    statement.executeQuery(
                            "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")) {
                if (!available.next()) {
                    return false;
                }
            }
            statement.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            LOG.info("TimescaleDB extension created: new tenants store samples in hypertables");
            return true;
        } catch (SQLException e) {
            LOG.warn(
                    "TimescaleDB is available but cannot be used ({}); native partitioning instead",
                    e.getMessage());
            return false;
        }
    }

    /**
     * The samples table of migration V001 as a hypertable: the same columns and index, no native
     * partitioning, daily chunks.
     */
    static String hypertableScript(String nativeScript, String schema) {
        String plain = nativeScript.replace(" PARTITION BY RANGE (time)", "");
        if (plain.equals(nativeScript)) {
            throw new IllegalStateException("migration V001 no longer declares the partitioning");
        }
        return plain
                + "\nSELECT create_hypertable('"
                + schema
                + ".samples', 'time', chunk_time_interval => interval '1 day');\n";
    }
}
