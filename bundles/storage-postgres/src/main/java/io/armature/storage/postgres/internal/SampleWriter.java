package io.armature.storage.postgres.internal;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Writes a batch: schemas, series and partitions are prepared in autocommit (idempotent DDL and
 * upserts), then the samples of every tenant go in with binary COPY inside one transaction, so the
 * batch is stored completely or not at all.
 */
final class SampleWriter {
    private final DataSource dataSource;
    private final TenantSchemas schemas;
    private final SeriesIds series;
    private final Partitions partitions;

    /**
     * Creates the ledger of stored batch ids once. Writer threads (and nodes) may race here: the
     * loser's {@code CREATE … IF NOT EXISTS} fails with a duplicate (23505/42P07) while the
     * winner's statement has not committed yet, so the loser tries again (then it sees the table)
     * instead of going on to insert into a table it cannot see yet.
     */
    private synchronized void ensureLedger(Connection connection) throws SQLException {
        for (int attempt = 1; !ledgerReady; attempt++) {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS armature");
                statement.execute(
                        "CREATE TABLE IF NOT EXISTS armature.applied_batches (id uuid PRIMARY KEY, stored_at timestamptz NOT NULL DEFAULT now())");
                // ids only matter while a retry is possible; a week is far beyond any spool replay
                statement.execute(
                        "DELETE FROM armature.applied_batches WHERE stored_at < now() - interval '7 days'");
                ledgerReady = true;
            } catch (SQLException e) {
                boolean raced = "23505".equals(e.getSQLState()) || "42P07".equals(e.getSQLState());
                if (!raced || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    SampleWriter(
            DataSource dataSource, TenantSchemas schemas, SeriesIds series, Partitions partitions) {
        this.dataSource = dataSource;
        this.schemas = schemas;
        this.series = series;
        this.partitions = partitions;
    }

    private volatile boolean ledgerReady;

    private record SeriesSample(int seriesId, Sample sample) {}

    /**
     * The samples grouped by series, keeping their order within a series (a stable grouping in
     * linear time; batches arrive in time order per series): stored this way, the rows of one
     * series lie together on disk (a batch from 100 devices otherwise spreads every series over
     * every page), so a read of one series touches about 100 times fewer pages.
     */
    private List<SeriesSample> bySeries(Connection connection, String schema, List<Sample> samples)
            throws SQLException {
        Map<Integer, List<SeriesSample>> groups = new LinkedHashMap<>();
        List<SeriesSample> group = null;
        int groupId = -1;
        for (Sample sample : samples) {
            int id = series.resolve(connection, schema, sample.device(), sample.metric());
            if (id != groupId) {
                group = groups.computeIfAbsent(id, k -> new ArrayList<>());
                groupId = id;
            }
            group.add(new SeriesSample(id, sample));
        }
        List<SeriesSample> rows = new ArrayList<>(samples.size());
        groups.values().forEach(rows::addAll);
        return rows;
    }

    /**
     * Stores the batch unless a batch with this id was stored before: the id is recorded in {@code
     * armature.applied_batches} in the same transaction as the samples, so a retry after an
     * unanswered commit cannot store them twice.
     */
    void write(SampleBatch batch, java.util.UUID id) throws SQLException, IOException {
        Map<String, List<Sample>> byTenant = new LinkedHashMap<>();
        for (Sample sample : batch.samples()) {
            byTenant.computeIfAbsent(sample.tenant(), t -> new ArrayList<>()).add(sample);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Map<String, byte[]> copies = new LinkedHashMap<>();
            Map<String, Rollups> rollups = new LinkedHashMap<>();
            for (Map.Entry<String, List<Sample>> tenant : byTenant.entrySet()) {
                String schema = schemas.ensure(connection, tenant.getKey());
                TreeSet<Long> epochDays = new TreeSet<>();
                BinaryCopy copy = new BinaryCopy(tenant.getValue().size());
                Rollups hourly = new Rollups();
                long lastDay = Long.MIN_VALUE;
                for (SeriesSample row : bySeries(connection, schema, tenant.getValue())) {
                    Sample sample = row.sample();
                    long day = Math.floorDiv(sample.time().getEpochSecond(), 86_400L);
                    if (day != lastDay) {
                        epochDays.add(day);
                        lastDay = day;
                    }
                    copy.row(row.seriesId(), sample.time(), sample.value());
                    hourly.add(row.seriesId(), sample.time(), sample.value());
                }
                rollups.put(schema, hourly);
                // partitions ahead: today and the next two days exist before data arrives
                long today = Math.floorDiv(System.currentTimeMillis(), 86_400_000L);
                for (long day = today; day <= today + Partitions.DAYS_AHEAD; day++) {
                    epochDays.add(day);
                }
                if (!schemas.isHypertable(schema)) { // TimescaleDB creates its chunks itself
                    partitions.ensure(
                            connection,
                            schema,
                            epochDays.stream().map(LocalDate::ofEpochDay).toList());
                }
                copies.put(schema, copy.finish());
            }
            ensureLedger(connection);
            connection.setAutoCommit(false);
            try {
                try (var record =
                        connection.prepareStatement(
                                "INSERT INTO armature.applied_batches (id) VALUES (?) ON CONFLICT DO NOTHING")) {
                    record.setObject(1, id);
                    if (record.executeUpdate() == 0) {
                        connection.rollback();
                        return;
                    }
                }
                var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
                for (Map.Entry<String, byte[]> copy : copies.entrySet()) {
                    copyApi.copyIn(
                            "COPY "
                                    + copy.getKey()
                                    + ".samples (series_id, time, value) FROM STDIN (FORMAT BINARY)",
                            new ByteArrayInputStream(copy.getValue()));
                    rollups.get(copy.getKey()).merge(connection, copy.getKey());
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }
}
