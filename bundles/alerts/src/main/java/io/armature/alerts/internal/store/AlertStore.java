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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Alerts as operators see them: filtered, paged listings, one alert with its events, and the
 * operator's acts (acknowledge, clear, comment), each one transaction that writes the event too.
 */
public final class AlertStore {
    private static final String TABLE = AlertSchema.SCHEMA + ".alerts";
    private static final String EVENTS = AlertSchema.SCHEMA + ".alert_events";

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A listing's filters; null or empty means any.
     *
     * @param states combined states ({@code active_unack}, ...) or axes ({@code active}, {@code
     *     cleared}, {@code acknowledged}, {@code unacknowledged}), any of which may match
     * @param beforeId paging: only alerts with a smaller id (the previous page's cursor)
     */
    public record Query(
            String tenant,
            Set<String> states,
            Set<Severity> severities,
            String device,
            String metric,
            String rule,
            Instant from,
            Instant to,
            Long beforeId,
            int limit) {}

    /** A page of alerts, newest first, and the cursor of the next page (null on the last). */
    public record Page(List<Alert> alerts, Long nextBeforeId) {}

    /** One event of an alert's history. */
    public record Event(
            long id, String kind, Instant at, String by, String comment, Double value) {}

    public Page find(Query query) throws SQLException {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT " + AlertRows.COLUMNS + " FROM " + TABLE + " WHERE tenant = ?");
        List<Object> parameters = new ArrayList<>(List.of(query.tenant()));
        if (query.states() != null && !query.states().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (String state : query.states()) {
                any.add(stateCondition(state));
            }
            sql.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        if (query.severities() != null && !query.severities().isEmpty()) {
            sql.append(" AND severity IN (");
            sql.append(String.join(", ", query.severities().stream().map(s -> "?").toList()));
            sql.append(')');
            query.severities().forEach(s -> parameters.add((short) s.ordinal()));
        }
        condition(sql, parameters, " AND device = ?", query.device());
        condition(sql, parameters, " AND metric = ?", query.metric());
        condition(sql, parameters, " AND rule = ?", query.rule());
        condition(sql, parameters, " AND created_at >= ?", query.from());
        condition(sql, parameters, " AND created_at < ?", query.to());
        condition(sql, parameters, " AND id < ?", query.beforeId());
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(query.limit() + 1);
        List<Alert> alerts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    alerts.add(AlertRows.read(rows));
                }
            }
        }
        if (alerts.size() > query.limit()) {
            alerts = alerts.subList(0, query.limit());
            return new Page(alerts, alerts.get(alerts.size() - 1).id());
        }
        return new Page(alerts, null);
    }

    /** The SQL condition of a state name, which {@code AlertsResource} has checked. */
    static String stateCondition(String state) {
        return switch (state) {
            case "active" -> "active";
            case "cleared" -> "NOT active";
            case "acknowledged" -> "acknowledged";
            case "unacknowledged" -> "NOT acknowledged";
            case "active_unack" -> "(active AND NOT acknowledged)";
            case "active_ack" -> "(active AND acknowledged)";
            case "cleared_unack" -> "(NOT active AND NOT acknowledged)";
            case "cleared_ack" -> "(NOT active AND acknowledged)";
            default -> throw new IllegalArgumentException("unknown state " + state);
        };
    }

    /** The state names a listing accepts. */
    public static final Set<String> STATES =
            Set.of(
                    "active",
                    "cleared",
                    "acknowledged",
                    "unacknowledged",
                    "active_unack",
                    "active_ack",
                    "cleared_unack",
                    "cleared_ack");

    private static void condition(
            StringBuilder sql, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            parameters.add(value);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters)
            throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant time) {
                AlertRows.set(statement, i + 1, time);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    public Optional<Alert> get(String tenant, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return get(connection, tenant, id, false);
        }
    }

    private static Optional<Alert> get(Connection connection, String tenant, long id, boolean lock)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "SELECT "
                                + AlertRows.COLUMNS
                                + " FROM "
                                + TABLE
                                + " WHERE tenant = ? AND id = ?"
                                + (lock ? " FOR UPDATE" : ""))) {
            statement.setString(1, tenant);
            statement.setLong(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(AlertRows.read(rows)) : Optional.empty();
            }
        }
    }

    /** The alert's events, oldest first. */
    public List<Event> events(long alertId) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT id, kind, at, by_user, comment, value FROM "
                                        + EVENTS
                                        + " WHERE alert_id = ? ORDER BY id")) {
            statement.setLong(1, alertId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(
                            new Event(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    AlertRows.instant(rows, "at"),
                                    rows.getString(4),
                                    rows.getString(5),
                                    AlertRows.number(rows, "value")));
                }
            }
        }
        return events;
    }

    /**
     * An operator's act on one alert, in one transaction: the alert row is locked, the act applies
     * unless it is moot (acknowledging an acknowledged alert changes nothing), and the event is
     * written.
     *
     * @return the change made, empty when the act was moot; null when there is no such alert
     */
    public Optional<AlertChange> act(
            String tenant, long id, AlertChange.Kind kind, String user, String comment)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<Alert> found = get(connection, tenant, id, true);
                if (found.isEmpty()) {
                    connection.rollback();
                    return null;
                }
                Alert alert = found.get();
                String update =
                        switch (kind) {
                            case ACKNOWLEDGED ->
                                    alert.acknowledged()
                                            ? null
                                            : "acknowledged = true, acknowledged_at = ?,"
                                                    + " acknowledged_by = ?, updated_at = ?";
                            case CLEARED ->
                                    alert.active()
                                            ? "active = false, cleared_at = ?,"
                                                    + " cleared_by = ?, updated_at = ?"
                                            : null;
                            case COMMENTED -> "updated_at = ?";
                            default -> throw new IllegalArgumentException(kind + " by a user");
                        };
                if (update == null) {
                    connection.rollback();
                    return Optional.empty();
                }
                Instant now = Instant.now();
                Alert changed;
                try (PreparedStatement statement =
                        connection.prepareStatement(
                                "UPDATE "
                                        + TABLE
                                        + " SET "
                                        + update
                                        + " WHERE id = ? RETURNING "
                                        + AlertRows.COLUMNS)) {
                    int i = 1;
                    if (kind != AlertChange.Kind.COMMENTED) {
                        AlertRows.set(statement, i++, now);
                        statement.setString(i++, user);
                    }
                    AlertRows.set(statement, i++, now);
                    statement.setLong(i, id);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        changed = AlertRows.read(rows);
                    }
                }
                event(connection, id, kind, now, user, comment, null);
                connection.commit();
                return Optional.of(new AlertChange(kind, changed, user, comment, now));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    static void event(
            Connection connection,
            long alertId,
            AlertChange.Kind kind,
            Instant at,
            String by,
            String comment,
            Double value)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "INSERT INTO "
                                + EVENTS
                                + " (alert_id, kind, at, by_user, comment, value)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, alertId);
            statement.setString(2, kind.name().toLowerCase(java.util.Locale.ROOT));
            AlertRows.set(statement, 3, at);
            statement.setString(4, by);
            statement.setString(5, comment);
            AlertRows.set(statement, 6, value);
            statement.executeUpdate();
        }
    }

    /** Counts of active alerts by severity, for a tenant (the console's badge). */
    public Map<String, Long> activeCounts(String tenant) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            counts.put(Severity.values()[i].id(), 0L);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT severity, count(*) FROM "
                                        + TABLE
                                        + " WHERE tenant = ? AND active GROUP BY severity")) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(Severity.values()[rows.getShort(1)].id(), rows.getLong(2));
                }
            }
        }
        return counts;
    }
}
