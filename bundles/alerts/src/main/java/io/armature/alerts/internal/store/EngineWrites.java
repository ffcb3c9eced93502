package io.armature.alerts.internal.store;

import io.armature.api.alert.Alert;
import io.armature.api.alert.AlertChange;
import io.armature.api.alert.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The alert engine's writes, on a connection inside the engine's transaction. */
public final class EngineWrites {
    private static final String TABLE = AlertSchema.SCHEMA + ".alerts";

    private final Connection connection;

    public EngineWrites(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens an alert; if one is active for the key already (its state was lost), that one is
     * re-triggered instead, so there is never a second active alert for a key.
     */
    public Alert open(
            String tenant,
            String rule,
            String ruleType,
            String device,
            String metric,
            Severity severity,
            String message,
            Double value,
            Instant triggeredAt,
            Instant at)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "INSERT INTO "
                                + TABLE
                                + " (tenant, rule, rule_type, device, metric, severity, active,"
                                + " message, trigger_value, triggered_at, last_value, last_value_at,"
                                + " count, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, 1, ?, ?)"
                                + " ON CONFLICT (tenant, rule, device, metric) WHERE active DO UPDATE"
                                + " SET count = alerts.count + 1, last_value = excluded.last_value,"
                                + " last_value_at = excluded.last_value_at, message = excluded.message,"
                                + " updated_at = excluded.updated_at RETURNING "
                                + AlertRows.COLUMNS)) {
            statement.setString(1, tenant);
            statement.setString(2, rule);
            statement.setString(3, ruleType);
            statement.setString(4, device);
            statement.setString(5, metric == null ? "" : metric);
            statement.setShort(6, (short) severity.ordinal());
            statement.setString(7, message);
            AlertRows.set(statement, 8, value);
            AlertRows.set(statement, 9, triggeredAt);
            AlertRows.set(statement, 10, value);
            AlertRows.set(statement, 11, at);
            AlertRows.set(statement, 12, at);
            AlertRows.set(statement, 13, at);
            return one(statement);
        }
    }

    public Alert retrigger(long id, Double value, String message, Instant at) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "UPDATE "
                                + TABLE
                                + " SET count = count + 1, last_value = coalesce(?, last_value),"
                                + " last_value_at = ?, message = coalesce(?, message), updated_at = ?"
                                + " WHERE id = ? RETURNING "
                                + AlertRows.COLUMNS)) {
            AlertRows.set(statement, 1, value);
            AlertRows.set(statement, 2, at);
            statement.setString(3, message);
            AlertRows.set(statement, 4, at);
            statement.setLong(5, id);
            return one(statement);
        }
    }

    /** Clears an alert as the rule decided (an operator may have cleared it already). */
    public Alert clear(long id, Double value, Instant at) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "UPDATE "
                                + TABLE
                                + " SET active = false, cleared_at = coalesce(cleared_at, ?),"
                                + " cleared_by = coalesce(cleared_by, 'rule'),"
                                + " last_value = coalesce(?, last_value), last_value_at = ?,"
                                + " updated_at = ? WHERE id = ? RETURNING "
                                + AlertRows.COLUMNS)) {
            AlertRows.set(statement, 1, at);
            AlertRows.set(statement, 2, value);
            AlertRows.set(statement, 3, at);
            AlertRows.set(statement, 4, at);
            statement.setLong(5, id);
            return one(statement);
        }
    }

    /** The latest value of active alerts: {value, time in epoch microseconds} by alert id. */
    public void lastValues(Map<Long, double[]> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "UPDATE "
                                + TABLE
                                + " SET last_value = ?, last_value_at = ? WHERE id = ? AND active")) {
            for (Map.Entry<Long, double[]> entry : values.entrySet()) {
                statement.setDouble(1, entry.getValue()[0]);
                AlertRows.set(
                        statement,
                        2,
                        Instant.EPOCH.plus(
                                (long) entry.getValue()[1], java.time.temporal.ChronoUnit.MICROS));
                statement.setLong(3, entry.getKey());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Clears every active alert of a rule; returns them as cleared. */
    public List<Alert> clearRule(String tenant, String rule, Instant at) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "UPDATE "
                                + TABLE
                                + " SET active = false, cleared_at = ?, cleared_by = 'rule deleted',"
                                + " updated_at = ? WHERE tenant = ? AND rule = ? AND active RETURNING "
                                + AlertRows.COLUMNS)) {
            AlertRows.set(statement, 1, at);
            AlertRows.set(statement, 2, at);
            statement.setString(3, tenant);
            statement.setString(4, rule);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    alerts.add(AlertRows.read(rows));
                }
            }
            return alerts;
        }
    }

    public void event(
            long alertId,
            AlertChange.Kind kind,
            Instant at,
            String by,
            String comment,
            Double value)
            throws SQLException {
        AlertStore.event(connection, alertId, kind, at, by, comment, value);
    }

    private static Alert one(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("alert row missing");
            }
            return AlertRows.read(rows);
        }
    }
}
