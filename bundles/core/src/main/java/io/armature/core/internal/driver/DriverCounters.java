package io.armature.core.internal.driver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What one driver published and what was refused, by reason. Thread-safe. */
final class DriverCounters {
    final LongAdder samplesIn = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    void reject(String reason, long count) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).add(count);
    }

    Map<String, Long> rejectedSnapshot() {
        Map<String, Long> result = new TreeMap<>();
        rejected.forEach((reason, count) -> result.put(reason, count.sum()));
        return result;
    }
}
