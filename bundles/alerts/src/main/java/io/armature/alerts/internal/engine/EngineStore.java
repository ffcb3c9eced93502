package io.armature.alerts.internal.engine;

import io.armature.alerts.internal.store.AlertSchema;
import io.armature.alerts.internal.store.EngineWrites;
import io.armature.api.alert.Alert;
import io.armature.api.alert.AlertChange;
import io.armature.api.sample.FeedPosition;
import io.armature.api.storage.SeriesKey;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The engine's durable side: loads the series states and the feed position at start, and writes
 * each {@link EngineCommit} in one transaction, so that alerts, rule memory and position always
 * agree (a crash repeats a whole batch or none of it).
 */
final class EngineStore {
    private static final String SERIES = AlertSchema.SCHEMA + ".rule_series";
    private static final String POSITIONS = AlertSchema.SCHEMA + ".positions";

    private final DataSource dataSource;
    private final String consumer;

    EngineStore(DataSource dataSource, String consumer) {
        this.dataSource = dataSource;
        this.consumer = consumer;
    }

    void createSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            AlertSchema.create(connection);
        }
    }

    FeedPosition position() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT feed, record FROM " + POSITIONS + " WHERE consumer = ?")) {
            statement.setString(1, consumer);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new FeedPosition(rows.getString(1), rows.getLong(2)) : null;
            }
        }
    }

    /** Every saved state, by rule PID and series. */
    Map<String, Map<SeriesKey, SeriesState>> states() throws SQLException, IOException {
        Map<String, Map<SeriesKey, SeriesState>> states = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT rule_pid, tenant, device, metric, state::text FROM "
                                        + SERIES)) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    SeriesKey series =
                            new SeriesKey(rows.getString(2), rows.getString(3), rows.getString(4));
                    SeriesState state = new SeriesState(rows.getString(1), series);
                    StateCodec.decode(rows.getString(5), state);
                    states.computeIfAbsent(state.rulePid, p -> new HashMap<>()).put(series, state);
                }
            }
        }
        return states;
    }

    /**
     * Writes a commit; on success the states carry their real alert ids and are clean.
     *
     * @return the alert changes made, for the live stream and notifiers
     */
    List<AlertChange> write(EngineCommit commit) throws SQLException {
        List<AlertChange> changes = new ArrayList<>();
        Map<Long, Long> realIds = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                EngineWrites writes = new EngineWrites(connection);
                for (EngineCommit.Step step : commit.steps) {
                    long id = realIds.getOrDefault(step.alertId(), step.alertId());
                    SeriesKey series = step.state().series;
                    Alert alert =
                            switch (step.step()) {
                                case OPEN ->
                                        writes.open(
                                                series.tenant(),
                                                step.rule().id,
                                                step.rule().type,
                                                series.device(),
                                                series.metric(),
                                                step.rule().severity,
                                                step.message(),
                                                step.value(),
                                                step.triggeredAt(),
                                                step.at());
                                case RETRIGGER ->
                                        writes.retrigger(
                                                id, step.value(), step.message(), step.at());
                                case CLEAR -> writes.clear(id, step.value(), step.at());
                                default -> throw new IllegalStateException(step.step().name());
                            };
                    if (step.step() == Lifecycle.Step.OPEN) {
                        realIds.put(step.alertId(), alert.id());
                    }
                    AlertChange.Kind kind =
                            switch (step.step()) {
                                case OPEN ->
                                        alert.count() > 1
                                                ? AlertChange.Kind.RETRIGGERED
                                                : AlertChange.Kind.OPENED;
                                case RETRIGGER -> AlertChange.Kind.RETRIGGERED;
                                default -> AlertChange.Kind.CLEARED;
                            };
                    writes.event(alert.id(), kind, step.at(), "rule", null, step.value());
                    changes.add(new AlertChange(kind, alert, "rule", null, step.at()));
                }
                Map<Long, double[]> lastValues = new HashMap<>();
                commit.lastValues.forEach(
                        (id, v) -> lastValues.put(realIds.getOrDefault(id, id), v));
                writes.lastValues(lastValues);
                for (SeriesState state : commit.states.keySet()) {
                    state.alertId = realIds.getOrDefault(state.alertId, state.alertId);
                }
                saveStates(connection, commit);
                if (commit.position != null) {
                    savePosition(connection, commit.position);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        commit.states.keySet().forEach(s -> s.dirty = false);
        return changes;
    }

    private static void saveStates(Connection connection, EngineCommit commit) throws SQLException {
        if (!commit.states.isEmpty()) {
            try (PreparedStatement statement =
                    connection.prepareStatement(
                            "INSERT INTO "
                                    + SERIES
                                    + " (rule_pid, tenant, device, metric, state)"
                                    + " VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (rule_pid, tenant,"
                                    + " device, metric) DO UPDATE SET state = excluded.state")) {
                for (SeriesState state : commit.states.keySet()) {
                    key(statement, state);
                    statement.setString(5, StateCodec.encode(state));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!commit.deleted.isEmpty()) {
            try (PreparedStatement statement =
                    connection.prepareStatement(
                            "DELETE FROM "
                                    + SERIES
                                    + " WHERE rule_pid = ? AND tenant = ? AND device = ? AND metric = ?")) {
                for (SeriesState state : commit.deleted) {
                    key(statement, state);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    private static void key(PreparedStatement statement, SeriesState state) throws SQLException {
        statement.setString(1, state.rulePid);
        statement.setString(2, state.series.tenant());
        statement.setString(3, state.series.device());
        statement.setString(4, state.series.metric());
    }

    private void savePosition(Connection connection, FeedPosition position) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "INSERT INTO "
                                + POSITIONS
                                + " (consumer, feed, record) VALUES (?, ?, ?) ON CONFLICT (consumer)"
                                + " DO UPDATE SET feed = excluded.feed, record = excluded.record")) {
            statement.setString(1, consumer);
            statement.setString(2, position.feed());
            statement.setLong(3, position.record());
            statement.executeUpdate();
        }
    }

    /**
     * A rule was deleted: its active alerts clear ({@code cleared_by} "rule deleted") and its
     * states go, in one transaction.
     */
    List<AlertChange> ruleDeleted(String tenant, String ruleId, String rulePid)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                EngineWrites writes = new EngineWrites(connection);
                Instant now = Instant.now();
                List<AlertChange> changes = new ArrayList<>();
                for (Alert alert : writes.clearRule(tenant, ruleId, now)) {
                    writes.event(
                            alert.id(), AlertChange.Kind.CLEARED, now, "rule deleted", null, null);
                    changes.add(
                            new AlertChange(
                                    AlertChange.Kind.CLEARED, alert, "rule deleted", null, now));
                }
                try (PreparedStatement statement =
                        connection.prepareStatement(
                                "DELETE FROM " + SERIES + " WHERE rule_pid = ?")) {
                    statement.setString(1, rulePid);
                    statement.executeUpdate();
                }
                connection.commit();
                return changes;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
