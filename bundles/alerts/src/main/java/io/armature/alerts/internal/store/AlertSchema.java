package io.armature.alerts.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The alert tables, in schema {@value #SCHEMA} of the storage backend's database: alerts (at most
 * one active per rule, tenant, device and metric, by a partial unique index), their events (opened,
 * retriggered, acknowledged, cleared, commented: the history and the comments), the engine's
 * per-series rule state and its feed position. Created if missing, in one transaction.
 */
public final class AlertSchema {
    public static final String SCHEMA = "armature_alerts";

    private AlertSchema() {}

    static final String[] DDL = {
        "CREATE SCHEMA IF NOT EXISTS " + SCHEMA,
        "CREATE TABLE IF NOT EXISTS "
                + SCHEMA
                + ".alerts (id bigserial PRIMARY KEY, tenant text NOT NULL, rule text NOT NULL,"
                + " rule_type text NOT NULL, device text NOT NULL, metric text NOT NULL DEFAULT '',"
                + " severity smallint NOT NULL, active boolean NOT NULL,"
                + " acknowledged boolean NOT NULL DEFAULT false, message text,"
                + " trigger_value double precision, triggered_at timestamptz,"
                + " last_value double precision, last_value_at timestamptz,"
                + " count bigint NOT NULL DEFAULT 1, created_at timestamptz NOT NULL,"
                + " updated_at timestamptz NOT NULL, acknowledged_at timestamptz,"
                + " acknowledged_by text, cleared_at timestamptz, cleared_by text)",
        "CREATE UNIQUE INDEX IF NOT EXISTS alerts_one_active ON "
                + SCHEMA
                + ".alerts (tenant, rule, device, metric) WHERE active",
        "CREATE INDEX IF NOT EXISTS alerts_by_tenant ON "
                + SCHEMA
                + ".alerts (tenant, created_at DESC, id DESC)",
        "CREATE INDEX IF NOT EXISTS alerts_by_device ON "
                + SCHEMA
                + ".alerts (tenant, device, created_at DESC)",
        "CREATE TABLE IF NOT EXISTS "
                + SCHEMA
                + ".alert_events (id bigserial PRIMARY KEY, alert_id bigint NOT NULL REFERENCES "
                + SCHEMA
                + ".alerts ON DELETE CASCADE, kind text NOT NULL, at timestamptz NOT NULL,"
                + " by_user text, comment text, value double precision)",
        "CREATE INDEX IF NOT EXISTS alert_events_by_alert ON "
                + SCHEMA
                + ".alert_events (alert_id, id)",
        "CREATE TABLE IF NOT EXISTS "
                + SCHEMA
                + ".rule_series (rule_pid text NOT NULL, tenant text NOT NULL, device text NOT NULL,"
                + " metric text NOT NULL, state jsonb NOT NULL,"
                + " PRIMARY KEY (rule_pid, tenant, device, metric))",
        "CREATE TABLE IF NOT EXISTS "
                + SCHEMA
                + ".positions (consumer text PRIMARY KEY, feed text NOT NULL, record bigint NOT NULL)"
    };

    /** Creates what is missing; concurrent starts of several nodes are serialised by a lock. */
    public static void create(Connection connection) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(7242001)");
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
