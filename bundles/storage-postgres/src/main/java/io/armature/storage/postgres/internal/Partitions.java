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

    /** Partitions exist for today and this many following days before data arrives. */
    static final int DAYS_AHEAD = 2;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * Drops the schema's daily partitions that end at or before {@code cutoff}.
     *
     * @return how many were dropped
     */
    int dropBefore(Connection connection, String schema, java.time.Instant cutoff)
            throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (var statement =
                connection.prepareStatement(
                        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                                + " JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace"
                                + " WHERE n.nspname = ? AND p.relname = 'samples' ORDER BY c.relname")) {
            statement.setString(1, schema.substring(1, schema.length() - 1));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        int dropped = 0;
        for (String name : names) {
            LocalDate day;
            try {
                day = LocalDate.parse(name.substring("samples_".length()), SUFFIX);
            } catch (RuntimeException e) {
                continue; // not one of ours
            }
            if (!day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(cutoff)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS " + schema + "." + name);
                }
                known.remove(schema + "." + day);
                dropped++;
            }
        }
        return dropped;
    }

    /** Forgets the partitions of a dropped schema. */
    void forget(String schema) {
        known.removeIf(key -> key.startsWith(schema + "."));
    }

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
