package io.armature.core.internal.driver;

import java.time.Duration;
import java.time.Instant;

/**
 * Restart delays of one driver: the first delay, doubling per failure up to a cap, and back to the
 * first after a run that lasted the stable period. Not thread-safe (its slot's lock guards it).
 */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private final Duration stable;
    private Duration next;

    Backoff(Duration first, Duration max, Duration stable) {
        this.first = first;
        this.max = max.compareTo(first) < 0 ? first : max;
        this.stable = stable;
        this.next = first;
    }

    /**
     * The delay before the next start, after a failure at {@code now} of a run that began at {@code
     * runningSince} (null when the start itself failed).
     */
    Duration afterFailure(Instant runningSince, Instant now) {
        if (runningSince != null && Duration.between(runningSince, now).compareTo(stable) >= 0) {
            next = first;
        }
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** Forgets earlier failures (a restart asked for by an operator). */
    void reset() {
        next = first;
    }
}
