package io.armature.storage.postgres.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One PostgreSQL schema per tenant, created and migrated on first use by ordered SQL files applied
 * in one transaction each, under an advisory lock, with the applied version recorded in the
 * schema's {@code schema_version} table. Thread-safe.
 */
final class TenantSchemas {
    /** Migrations in order; each file is applied once per tenant schema. */
    static final List<String> MIGRATIONS =
            List.of("V001__series_and_samples.sql", "V002__hourly_rollups.sql");

    private final String prefix;
    private final Set<String> migrated = ConcurrentHashMap.newKeySet();
    private final Set<String> hypertables = ConcurrentHashMap.newKeySet();
    private volatile Boolean timescale;

    TenantSchemas(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The quoted schema name of a tenant. PostgreSQL truncates identifiers at 63 bytes, so long
     * tenant ids are shortened with a hash suffix that keeps them distinct.
     */
    String schemaOf(String tenant) {
        String name = prefix + tenant;
        if (name.length() > 63) {
            name =
                    name.substring(0, 46)
                            + "_"
                            + String.format(
                                    "%016x", (long) tenant.hashCode() * 0x9E3779B97F4A7C15L);
        }
        return '"' + name + '"';
    }

    /** True when the tenant's schema exists (without creating it). */
    boolean exists(Connection connection, String tenant) throws SQLException {
        if (migrated.contains(tenant)) {
            return true;
        }
        String raw = schemaOf(tenant);
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, raw.substring(1, raw.length() - 1));
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Creates and migrates the tenant's schema if needed; returns its quoted name. */
    String ensure(Connection connection, String tenant) throws SQLException {
        String schema = schemaOf(tenant);
        if (migrated.contains(tenant)) {
            return schema;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "SELECT pg_advisory_xact_lock(hashtext('armature.migrate."
                            + schema.replace("'", "")
                            + "'))");
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS "
                            + schema
                            + ".schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            int current = 0;
            try (ResultSet result =
                    statement.executeQuery(
                            "SELECT coalesce(max(version), 0) FROM "
                                    + schema
                                    + ".schema_version")) {
                result.next();
                current = result.getInt(1);
            }
            for (int i = current; i < MIGRATIONS.size(); i++) {
                String script = script(MIGRATIONS.get(i)).replace("${schema}", schema);
                if (i == 0 && timescale(connection)) {
                    script = Timescale.hypertableScript(script, schema);
                }
                statement.execute(script);
                statement.execute(
                        "INSERT INTO "
                                + schema
                                + ".schema_version (version) VALUES ("
                                + (i + 1)
                                + ")");
            }
            try (ResultSet kind =
                    statement.executeQuery(
                            "SELECT relkind FROM pg_class WHERE oid = '"
                                    + schema
                                    + ".samples'::regclass")) {
                kind.next();
                if (!"p".equals(kind.getString(1))) {
                    hypertables.add(schema); // a plain table: Timescale's hypertable
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        migrated.add(tenant);
        return schema;
    }

    /** True for a schema whose samples live in a TimescaleDB hypertable (after {@link #ensure}). */
    boolean isHypertable(String schema) {
        return hypertables.contains(schema);
    }

    private boolean timescale(Connection connection) {
        Boolean known = timescale;
        if (known == null) {
            known = Timescale.enable(connection);
            timescale = known;
        }
        return known;
    }

    /** Forgets that a tenant's schema was migrated (it was dropped). */
    void forget(String tenant) {
        migrated.remove(tenant);
        hypertables.remove(schemaOf(tenant));
    }

    private static String script(String name) {
        try (InputStream in = TenantSchemas.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }
}
