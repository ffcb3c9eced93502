package io.armature.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void aBurstThenTheRatePerCaller() {
        RateLimiter limiter = new RateLimiter(2, 3);
        long t = 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("token:a", t));
        }
        long wait = limiter.acquire("token:a", t);
        assertTrue(wait >= 1, "over the burst");
        assertEquals(0, limiter.acquire("token:b", t), "another caller has its own bucket");
        assertEquals(0, limiter.acquire("token:a", t + 500_000_000L), "refilled at 2/s");
        assertTrue(limiter.acquire("token:a", t + 500_000_000L) > 0);
    }
}
