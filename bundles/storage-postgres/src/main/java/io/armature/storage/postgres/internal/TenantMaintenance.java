package io.armature.storage.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;

/** Deletions and retention: what the registry asks of the store besides reads and writes. */
final class TenantMaintenance {
    private final DataSource dataSource;
    private final TenantSchemas schemas;
    private final SeriesIds series;
    private final Partitions partitions;

    TenantMaintenance(
            DataSource dataSource, TenantSchemas schemas, SeriesIds series, Partitions partitions) {
        this.dataSource = dataSource;
        this.schemas = schemas;
        this.series = series;
        this.partitions = partitions;
    }

    /** Deletes a device's samples, rollups and series in one transaction. */
    void deleteDevice(String tenant, String device) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!schemas.exists(connection, tenant)) {
                return;
            }
            String schema = schemas.ensure(connection, tenant);
            connection.setAutoCommit(false);
            try {
                for (String table : new String[] {"samples", "rollup_1h"}) {
                    try (PreparedStatement statement =
                            connection.prepareStatement(
                                    "DELETE FROM "
                                            + schema
                                            + "."
                                            + table
                                            + " WHERE series_id IN (SELECT id FROM "
                                            + schema
                                            + ".series WHERE device = ?)")) {
                        statement.setString(1, device);
                        statement.executeUpdate();
                    }
                }
                try (PreparedStatement statement =
                        connection.prepareStatement(
                                "DELETE FROM " + schema + ".series WHERE device = ?")) {
                    statement.setString(1, device);
                    statement.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            series.forget(schema, device);
        }
    }

    /** Drops the tenant's schema with everything in it. */
    void deleteTenant(String tenant) throws SQLException {
        String schema = schemas.schemaOf(tenant);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        schemas.forget(tenant);
        series.forget(schema, null);
        partitions.forget(schema);
    }

    /** Retention: drops the tenant's daily partitions that end at or before the cutoff. */
    int dropBefore(String tenant, Instant cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!schemas.exists(connection, tenant)) {
                return 0;
            }
            String schema = schemas.ensure(connection, tenant);
            if (schemas.isHypertable(schema)) {
                try (PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT count(*) FROM drop_chunks('"
                                        + schema
                                        + ".samples', older_than => ?)")) {
                    statement.setObject(
                            1,
                            java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC));
                    try (var result = statement.executeQuery()) {
                        result.next();
                        return result.getInt(1);
                    }
                }
            }
            return partitions.dropBefore(connection, schema, cutoff);
        }
    }
}
