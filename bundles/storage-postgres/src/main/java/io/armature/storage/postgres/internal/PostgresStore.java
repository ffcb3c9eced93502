package io.armature.storage.postgres.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.armature.api.feature.ConfigurationPid;
import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.sample.SampleBatch;
import io.armature.api.storage.Bucket;
import io.armature.api.storage.BucketQuery;
import io.armature.api.storage.RawPage;
import io.armature.api.storage.RawQuery;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import io.armature.boot.ArmatureProperties;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A PostgreSQL database as time-series store: one schema per tenant, daily range partitions, binary
 * COPY writes, keyset-paged raw reads, bucketed aggregates and latest values. One instance per
 * factory configuration ({@code io.armature.storage.postgres~name}).
 */
@Component(
        name = PostgresStore.PID,
        configurationPid = PostgresStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {TimeSeriesStore.class, HealthCheck.class})
@Designate(ocd = PostgresStore.Config.class, factory = true)
public final class PostgresStore implements TimeSeriesStore, HealthCheck {
    static final String PID = "io.armature.storage.postgres";

    @ObjectClassDefinition(
            name = "PostgreSQL storage",
            description = "Time-series storage in a PostgreSQL or TimescaleDB database")
    public @interface Config {
        @AttributeDefinition(
                name = "JDBC URL",
                description = "jdbc:postgresql://host:5432/database")
        String url();

        @AttributeDefinition(name = "User")
        String user() default "armature";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(name = "Pool size", min = "1", max = "64")
        int poolSize() default 4;

        @AttributeDefinition(
                name = "Schema prefix",
                description = "Tenant t is stored in schema <prefix>t")
        String schemaPrefix() default "t_";
    }

    private final HikariDataSource pool;
    private final SampleWriter writer;
    private final SampleReader reader;
    private final TenantMaintenance maintenance;
    private final String id;
    private final ConnectionHealth health;

    /**
     * Framework property with the URL of the PostgreSQL the launcher started for {@code
     * url=embedded}.
     */
    static final String EMBEDDED_URL = io.armature.boot.ArmatureProperties.EMBEDDED_POSTGRES_URL;

    @Activate
    public PostgresStore(
            Config config,
            Map<String, Object> properties,
            BundleContext context,
            @Reference(target = "(osgi.jdbc.driver.class=org.postgresql.Driver)")
                    DataSourceFactory factory)
            throws SQLException {
        this(
                pool(url(config, context), config, password(config, context), factory),
                config.schemaPrefix(),
                idOf(properties));
        this.dataSource =
                context.registerService(
                        DataSource.class,
                        pool,
                        FrameworkUtil.asDictionary(Map.of(DATA_SOURCE_PROPERTY, id)));
    }

    /**
     * The service property of the {@link DataSource} each store registers (the store's pool, for
     * bundles that keep their state in the same database, such as the alert store): the store id.
     */
    public static final String DATA_SOURCE_PROPERTY = "armature.storage.id";

    private volatile ServiceRegistration<DataSource> dataSource;

    private static String url(Config config, BundleContext context) {
        if (!"embedded".equals(config.url())) {
            return config.url();
        }
        String embedded = context.getProperty(EMBEDDED_URL);
        if (embedded == null) {
            throw new IllegalStateException(
                    "url=embedded, but the launcher started no embedded PostgreSQL ("
                            + EMBEDDED_URL
                            + " unset)");
        }
        return embedded;
    }

    PostgresStore(HikariDataSource pool, String schemaPrefix, String id) {
        this.pool = pool;
        this.id = id;
        TenantSchemas schemas = new TenantSchemas(schemaPrefix);
        SeriesIds series = new SeriesIds();
        Partitions partitions = new Partitions();
        this.writer = new SampleWriter(pool, schemas, series, partitions);
        this.maintenance = new TenantMaintenance(pool, schemas, series, partitions);
        this.reader = new SampleReader(pool, schemas, series);
        this.health = new ConnectionHealth(pool);
    }

    /** The configured password; for the embedded server without one, the server's own. */
    private static String password(Config config, BundleContext context) {
        String file = context.getProperty(ArmatureProperties.EMBEDDED_POSTGRES_PASSWORD_FILE);
        if (!"embedded".equals(config.url()) || !config.password().isEmpty() || file == null) {
            return config.password();
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "the embedded PostgreSQL password cannot be read from " + file + ": " + e);
        }
    }

    static HikariDataSource pool(
            String url, Config config, String password, DataSourceFactory factory)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        props.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        return pool(factory.createDataSource(props), config.poolSize());
    }

    static HikariDataSource pool(DataSource dataSource, int size) {
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(dataSource);
        hikari.setMaximumPoolSize(size);
        hikari.setPoolName("armature-postgres");
        hikari.setConnectionTimeout(5_000);
        // sorting a day of 1 Hz samples (86,400 rows) must not spill to disk (default 4 MB)
        hikari.setConnectionInitSql("SET work_mem = '32MB'");
        // start even while the database is down: writes spool, queries answer 503 until it is up
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    private static String idOf(Map<String, Object> properties) {
        Object pid = properties.get("service.pid");
        ConfigurationPid id = ConfigurationPid.parse(pid == null ? "default" : pid.toString());
        return "postgres" + (id.isFactory() ? "-" + id.name() : "");
    }

    @Deactivate
    void close() {
        if (dataSource != null) {
            try {
                dataSource.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        health.close();
        pool.close();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void write(SampleBatch batch) throws StorageUnavailableException {
        write(batch, java.util.UUID.randomUUID());
    }

    @Override
    public void write(SampleBatch batch, java.util.UUID batchId)
            throws StorageUnavailableException {
        try {
            writer.write(batch, batchId);
        } catch (SQLException | IOException e) {
            throw translate(e);
        }
    }

    @Override
    public RawPage raw(RawQuery query) throws StorageUnavailableException {
        try {
            return reader.raw(query);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public List<Bucket> buckets(BucketQuery query) throws StorageUnavailableException {
        try {
            return reader.buckets(query);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public Map<String, RawPage.Point> latest(String tenant, String device)
            throws StorageUnavailableException {
        try {
            return reader.latest(tenant, device);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void deleteDevice(String tenant, String device) throws StorageUnavailableException {
        try {
            maintenance.deleteDevice(tenant, device);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void deleteTenant(String tenant) throws StorageUnavailableException {
        try {
            maintenance.deleteTenant(tenant);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public int dropBefore(String tenant, java.time.Instant cutoff)
            throws StorageUnavailableException {
        try {
            return maintenance.dropBefore(tenant, cutoff);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public String name() {
        return "storage." + id;
    }

    @Override
    public HealthResult check() {
        return health.current();
    }

    /**
     * Connection-level failures (SQL state class 08, server shutting down 57P0x, pool timeout, I/O)
     * mean "try later"; anything else is a statement the database refused, which is a bug.
     */
    static StorageUnavailableException translate(Exception e) {
        if (isUnavailable(e)) {
            return new StorageUnavailableException("database unavailable: " + e.getMessage(), e);
        }
        throw new IllegalStateException("database refused the statement: " + e.getMessage(), e);
    }

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P")
                            || sql.getSQLState().startsWith("53"))) {
                return true;
            }
        }
        return false;
    }
}
