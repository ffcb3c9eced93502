package io.armature.driver.mqtt.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a warning per reason at most once per interval, saying how many were suppressed since, so a
 * flood of bad payloads cannot flood the log.
 */
final class WarningLimiter {
    private final Logger log;
    private final long intervalNanos;
    private final Map<String, long[]> last = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> suppressed = new ConcurrentHashMap<>();

    WarningLimiter(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalNanos = intervalMillis * 1_000_000;
    }

    void warn(String reason, String format, Object... args) {
        long now = System.nanoTime();
        long[] at = last.computeIfAbsent(reason, r -> new long[] {now - intervalNanos - 1});
        synchronized (at) {
            if (now - at[0] < intervalNanos) {
                suppressed.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
                return;
            }
            at[0] = now;
        }
        long skipped = suppressed.computeIfAbsent(reason, r -> new AtomicLong()).getAndSet(0);
        if (skipped > 0) {
            log.warn(format + " (" + skipped + " more like it not logged)", args);
        } else {
            log.warn(format, args);
        }
    }
}
