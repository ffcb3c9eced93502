package io.armature.alerts.internal.store;

import io.armature.api.alert.Alert;
import io.armature.api.alert.Severity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Alert rows to {@link Alert}s and back: the column list and the JDBC conversions. */
final class AlertRows {
    static final String COLUMNS =
            "id, tenant, rule, rule_type, device, metric, severity, active, acknowledged, message,"
                    + " trigger_value, triggered_at, last_value, last_value_at, count, created_at,"
                    + " updated_at, acknowledged_at, acknowledged_by, cleared_at, cleared_by";

    private static final Severity[] SEVERITIES = Severity.values();

    private AlertRows() {}

    static Alert read(ResultSet rows) throws SQLException {
        String metric = rows.getString("metric");
        return new Alert(
                rows.getLong("id"),
                rows.getString("tenant"),
                rows.getString("rule"),
                rows.getString("rule_type"),
                rows.getString("device"),
                metric == null || metric.isEmpty() ? null : metric,
                SEVERITIES[rows.getShort("severity")],
                rows.getBoolean("active"),
                rows.getBoolean("acknowledged"),
                rows.getString("message"),
                number(rows, "trigger_value"),
                instant(rows, "triggered_at"),
                number(rows, "last_value"),
                instant(rows, "last_value_at"),
                rows.getLong("count"),
                instant(rows, "created_at"),
                instant(rows, "updated_at"),
                instant(rows, "acknowledged_at"),
                rows.getString("acknowledged_by"),
                instant(rows, "cleared_at"),
                rows.getString("cleared_by"));
    }

    static Double number(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static void set(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null || value.isNaN() || value.isInfinite()) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    static void set(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, time.atOffset(ZoneOffset.UTC));
        }
    }
}
