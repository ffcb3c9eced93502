package io.armature.ingest.internal.writer;

import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest buffer and the spool of each storage backend: DEGRADED while a backend has spooled
 * batches waiting (its samples are safe on disk but not yet queryable), naming size and age; DOWN
 * while a spool is at its quota (ingest refuses samples); DEGRADED too while no backend is known
 * (ingest refuses samples, but nothing is at risk).
 */
public final class StorageHealthCheck implements HealthCheck {
    private final java.util.function.Supplier<StorageWriter> writers;

    /**
     * @param writers the writer now (it is replaced when its settings change)
     */
    public StorageHealthCheck(java.util.function.Supplier<StorageWriter> writers) {
        this.writers = writers;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public HealthResult check() {
        StorageWriter writer = writers.get();
        Map<String, Object> spools = new LinkedHashMap<>();
        List<String> backlog = new ArrayList<>();
        List<String> full = new ArrayList<>();
        long quota = writer.spoolQuotaBytes();
        writer.spools()
                .forEach(
                        (store, stats) -> {
                            Map<String, Object> figures = new LinkedHashMap<>();
                            figures.put("segments", stats.segments());
                            figures.put("samples", stats.samples());
                            figures.put("bytes", stats.bytes());
                            figures.put("quota_bytes", quota);
                            if (stats.bytes() >= quota) {
                                full.add(store);
                            }
                            if (stats.oldest() != null) {
                                long age =
                                        Duration.between(stats.oldest(), Instant.now()).toSeconds();
                                figures.put("oldest_age_seconds", age);
                                backlog.add(
                                        store
                                                + ": "
                                                + stats.samples()
                                                + " samples spooled, oldest "
                                                + age
                                                + " s");
                            }
                            spools.put(store, figures);
                        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("buffered_samples", writer.buffered());
        data.put("journal_bytes", writer.journalBytes());
        data.put("spool_quota_bytes", quota);
        data.put("spools", spools);
        if (spools.isEmpty()) {
            return new HealthResult(
                    HealthStatus.DEGRADED,
                    "no storage backend: ingest refuses samples (no_storage_backend)",
                    data);
        }
        if (!full.isEmpty()) {
            return new HealthResult(
                    HealthStatus.DOWN,
                    "spool quota of "
                            + quota / (1024 * 1024)
                            + " MB reached for "
                            + String.join(", ", full)
                            + ": ingest refuses samples (spool_quota_exceeded); "
                            + String.join("; ", backlog),
                    data);
        }
        if (!backlog.isEmpty()) {
            return new HealthResult(HealthStatus.DEGRADED, String.join("; ", backlog), data);
        }
        return new HealthResult(HealthStatus.UP, spools.size() + " backend(s) up to date", data);
    }
}
