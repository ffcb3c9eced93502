package io.armature.storage.postgres.internal;

import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.ingest.internal.LiveIngest;
import io.armature.ingest.internal.writer.StorageWriter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Ingest throughput into PostgreSQL through the Armature path (IngestService validation, storage
 * writer buffer and batching, binary COPY with the exactly-once ledger) next to raw binary COPY of
 * the same rows in the same run and database. Run: {@code bench/ingest.sh [samples]}.
 */
public final class IngestBenchmark {
    private static final int SERIES = 100;
    private static final int PRODUCER_BATCH = 1_000;

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Instant start = Instant.now().minus(Duration.ofSeconds(total / SERIES + 10));
        List<Sample> samples = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int series = i % SERIES;
            samples.add(
                    new Sample(
                            "bench",
                            "device-" + series / 10,
                            "metric-" + series % 10,
                            start.plusSeconds(i / SERIES),
                            Math.sin(i)));
        }
        try (EmbeddedPostgres postgres =
                EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
            DataSource db = postgres.getPostgresDatabase();
            PostgresStore store =
                    new PostgresStore(PostgresStore.pool(db, 4), "t_", "postgres-bench");
            store.write(SampleBatch.of(samples.get(0))); // schema, series table, first partition
            double raw = rawCopy(db, samples);
            double armature = throughArmature(store, samples, postgres);
            store.close();
            System.out.printf(
                    "samples: %,d in %d series, 1 Hz, %d days; batches of 20,000; PostgreSQL %s%n",
                    total, SERIES, Duration.ofSeconds(total / SERIES).toDays() + 1, version(db));
            System.out.printf("raw binary COPY (baseline)       %,12.0f samples/s%n", raw);
            System.out.printf("Armature ingest -> PostgreSQL    %,12.0f samples/s%n", armature);
            System.out.printf(
                    "ratio                            %12.0f %% of raw COPY  (target >= 50 %%, >= 400,000 samples/s)%n",
                    100 * armature / raw);
        }
    }

    /**
     * The same rows, pre-resolved series ids, straight COPY in batches of 20,000, one transaction
     * each.
     */
    private static double rawCopy(DataSource db, List<Sample> samples) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement()
                    .execute(
                            "CREATE TABLE t_bench.raw_copy (LIKE t_bench.samples INCLUDING ALL) PARTITION BY RANGE (time)");
            c.createStatement()
                    .execute(
                            "CREATE TABLE t_bench.raw_copy_all PARTITION OF t_bench.raw_copy FOR VALUES FROM (MINVALUE) TO (MAXVALUE)");
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            for (int from = 0; from < samples.size(); from += 20_000) {
                BinaryCopy rows = new BinaryCopy(20_000);
                for (Sample s : samples.subList(from, Math.min(samples.size(), from + 20_000))) {
                    int series =
                            Integer.parseInt(s.device().substring(7)) * 10
                                    + Integer.parseInt(s.metric().substring(7));
                    rows.row(series + 1, s.time(), s.value());
                }
                copy.copyIn(
                        "COPY t_bench.raw_copy (series_id, time, value) FROM STDIN (FORMAT BINARY)",
                        new ByteArrayInputStream(rows.finish()));
                c.commit();
            }
            return samples.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double throughArmature(
            PostgresStore store, List<Sample> samples, EmbeddedPostgres postgres) throws Exception {
        Path spool = Files.createTempDirectory("bench-spool");
        StorageWriter writer =
                new StorageWriter(
                        spool,
                        200_000,
                        20_000,
                        false,
                        2,
                        1L << 30,
                        io.armature.ingest.internal.writer.AcceptedLog.NONE);
        writer.addStore(store);
        LiveIngest ingest =
                new LiveIngest(
                        Duration.ofSeconds(300),
                        Duration.ofDays(3650),
                        writer,
                        new io.armature.device.internal.DeviceRegistryImpl(
                                spool.resolve("registry.json"),
                                java.time.Duration.ofSeconds(20),
                                true,
                                java.time.Duration.ofHours(1),
                                java.time.Clock.systemUTC()),
                        java.time.Clock.systemUTC(),
                        1024);
        long before = count(postgres.getPostgresDatabase());
        long t0 = System.nanoTime();
        for (int from = 1; from < samples.size(); ) {
            SampleBatch batch =
                    new SampleBatch(
                            samples.subList(from, Math.min(samples.size(), from + PRODUCER_BATCH)));
            IngestResult result = ingest.ingest(batch, Duration.ofSeconds(5));
            if (result.rejected() > 0) {
                throw new IllegalStateException("rejected: " + result.rejections().get(0));
            }
            from += result.accepted();
        }
        while (writer.buffered() > 0) {
            Thread.sleep(1);
        }
        writer.deactivate();
        double rate = (samples.size() - 1) / ((System.nanoTime() - t0) / 1e9);
        long stored = count(postgres.getPostgresDatabase()) - before;
        if (stored != samples.size() - 1) {
            throw new IllegalStateException("stored " + stored + " of " + (samples.size() - 1));
        }
        return rate;
    }

    private static long count(DataSource db) throws Exception {
        try (Connection c = db.getConnection();
                ResultSet r =
                        c.createStatement().executeQuery("SELECT count(*) FROM t_bench.samples")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String version(DataSource db) throws Exception {
        try (Connection c = db.getConnection();
                ResultSet r = c.createStatement().executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        }
    }
}
