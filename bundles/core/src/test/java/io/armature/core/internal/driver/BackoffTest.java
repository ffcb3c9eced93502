package io.armature.core.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void delaysDoubleFromOneSecondUpToFiveMinutes() {
        Backoff backoff =
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(60));
        long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (long seconds : expected) {
            assertEquals(Duration.ofSeconds(seconds), backoff.afterFailure(null, now));
        }
    }

    @Test
    void aRunAsLongAsTheStablePeriodStartsOverButAShortRunDoesNot() {
        Backoff backoff =
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(60));
        backoff.afterFailure(null, now);
        backoff.afterFailure(null, now);
        assertEquals(
                Duration.ofSeconds(4),
                backoff.afterFailure(now.minusSeconds(59), now),
                "59 s of running is not stable");
        assertEquals(Duration.ofSeconds(1), backoff.afterFailure(now.minusSeconds(60), now));
        assertEquals(Duration.ofSeconds(2), backoff.afterFailure(null, now));
        backoff.reset();
        assertEquals(Duration.ofSeconds(1), backoff.afterFailure(null, now));
    }
}
