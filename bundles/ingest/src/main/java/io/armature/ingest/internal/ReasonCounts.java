package io.armature.ingest.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of samples by reason code since start, for {@code /health}. Thread-safe. */
final class ReasonCounts {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void add(String reason, long samples) {
        counts.computeIfAbsent(reason, r -> new AtomicLong()).addAndGet(samples);
    }

    /** The counts now, ordered by reason. */
    Map<String, Long> snapshot() {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((reason, count) -> result.put(reason, count.get()));
        return result;
    }
}
