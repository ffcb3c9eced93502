package io.armature.storage.postgres.internal;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    SampleWriter(
            DataSource dataSource, TenantSchemas schemas, SeriesIds series, Partitions partitions) {
        this.dataSource = dataSource;
        this.schemas = schemas;
        this.series = series;
        this.partitions = partitions;
    }

    void write(SampleBatch batch) throws SQLException, IOException {
        Map<String, List<Sample>> byTenant = new LinkedHashMap<>();
        for (Sample sample : batch.samples()) {
            byTenant.computeIfAbsent(sample.tenant(), t -> new ArrayList<>()).add(sample);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Map<String, byte[]> copies = new LinkedHashMap<>();
            for (Map.Entry<String, List<Sample>> tenant : byTenant.entrySet()) {
                String schema = schemas.ensure(connection, tenant.getKey());
                TreeSet<LocalDate> days = new TreeSet<>();
                BinaryCopy copy = new BinaryCopy(tenant.getValue().size());
                for (Sample sample : tenant.getValue()) {
                    days.add(LocalDate.ofInstant(sample.time(), ZoneOffset.UTC));
                    copy.row(
                            series.resolve(connection, schema, sample.device(), sample.metric()),
                            sample.time(),
                            sample.value());
                }
                partitions.ensure(connection, schema, days);
                copies.put(schema, copy.finish());
            }
            connection.setAutoCommit(false);
            try {
                var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
                for (Map.Entry<String, byte[]> copy : copies.entrySet()) {
                    copyApi.copyIn(
                            "COPY "
                                    + copy.getKey()
                                    + ".samples (series_id, time, value) FROM STDIN (FORMAT BINARY)",
                            new ByteArrayInputStream(copy.getValue()));
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
