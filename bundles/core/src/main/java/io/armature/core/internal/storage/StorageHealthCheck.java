package io.armature.core.internal.storage;

import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ingest buffer and the spool of each storage backend: DEGRADED while a backend has spooled
 * batches waiting (its samples are safe on disk but not yet queryable), naming size and age.
 */
@Component
public final class StorageHealthCheck implements HealthCheck {
    private final StorageWriter writer;

    @Activate
    public StorageHealthCheck(@Reference StorageWriter writer) {
        this.writer = writer;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public HealthResult check() {
        Map<String, Object> spools = new LinkedHashMap<>();
        List<String> backlog = new ArrayList<>();
        writer.spools()
                .forEach(
                        (store, stats) -> {
                            Map<String, Object> figures = new LinkedHashMap<>();
                            figures.put("segments", stats.segments());
                            figures.put("samples", stats.samples());
                            figures.put("bytes", stats.bytes());
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
        Map<String, Object> data =
                Map.of(
                        "buffered_samples",
                        writer.buffered(),
                        "journal_bytes",
                        writer.journalBytes(),
                        "spools",
                        spools);
        if (!backlog.isEmpty()) {
            return new HealthResult(HealthStatus.DEGRADED, String.join("; ", backlog), data);
        }
        return new HealthResult(
                HealthStatus.UP,
                spools.isEmpty()
                        ? "no storage backend; samples are streamed only"
                        : spools.size() + " backend(s) up to date",
                data);
    }
}
