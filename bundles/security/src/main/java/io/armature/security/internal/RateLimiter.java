package io.armature.security.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (API token or user): {@code burst} requests at once, refilled at {@code
 * perSecond}. Node-local by nature: each runtime node limits what it serves.
 */
final class RateLimiter {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile double perSecond;
    private volatile double burst;

    RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    void limits(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /**
     * Takes one request from the caller's bucket.
     *
     * @return 0 when allowed, otherwise the seconds until a request will be (at least 1)
     */
    long acquire(String caller, long nanoTime) {
        return buckets.computeIfAbsent(caller, k -> new Bucket(burst, nanoTime))
                .take(nanoTime, perSecond, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
