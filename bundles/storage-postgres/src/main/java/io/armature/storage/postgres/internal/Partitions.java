package io.armature.storage.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Daily range partitions of each tenant's {@code samples} table (UTC days), created on demand for
 * the days a batch touches and ahead of time for the coming days. Thread-safe.
 */
final class Partitions {
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Makes sure a partition exists for each day; DDL runs in autocommit. */
    void ensure(Connection connection, String schema, Collection<LocalDate> days)
            throws SQLException {
        for (LocalDate day : days) {
            String key = schema + "." + day;
            if (known.contains(key)) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        "CREATE TABLE IF NOT EXISTS "
                                + schema
                                + ".samples_"
                                + day.format(SUFFIX)
                                + " PARTITION OF "
                                + schema
                                + ".samples FOR VALUES FROM ('"
                                + day.atStartOfDay().atOffset(ZoneOffset.UTC)
                                + "') TO ('"
                                + day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)
                                + "')");
            } catch (SQLException e) {
                // another writer created it between our check and our statement
                if (!"42P07".equals(e.getSQLState())) {
                    throw e;
                }
            }
            known.add(key);
        }
    }
}
