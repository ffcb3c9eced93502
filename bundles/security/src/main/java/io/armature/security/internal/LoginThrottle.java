package io.armature.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code userLimit} consecutive failures for a user name, or {@code
 * sourceLimit} for a source address, further attempts are refused for a lock time that doubles with
 * each further failure (1 s, 2 s, 4 s ... at most 15 minutes). A success clears the user's count; a
 * source's count decays when it stays quiet for the window.
 */
final class LoginThrottle {
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> sources = new ConcurrentHashMap<>();
    private volatile int userLimit;
    private volatile int sourceLimit;

    LoginThrottle(int userLimit, int sourceLimit) {
        this.userLimit = userLimit;
        this.sourceLimit = sourceLimit;
    }

    void limits(int userLimit, int sourceLimit) {
        this.userLimit = userLimit;
        this.sourceLimit = sourceLimit;
    }

    /** Seconds to wait when attempts for this user or source are refused now. */
    Optional<Long> refusal(String user, String source, Instant now) {
        long wait = Math.max(remaining(users.get(user), now), remaining(sources.get(source), now));
        return wait > 0 ? Optional.of(wait) : Optional.empty();
    }

    void failed(String user, String source, Instant now) {
        users.compute(user, (k, f) -> next(f, userLimit, now));
        sources.compute(source, (k, f) -> next(f, sourceLimit, now));
    }

    void succeeded(String user) {
        users.remove(user);
    }

    /** Forgets failures older than the window, so the maps stay small. */
    void sweep(Instant now) {
        users.values().removeIf(f -> stale(f, now));
        sources.values().removeIf(f -> stale(f, now));
    }

    private static boolean stale(Failures f, Instant now) {
        return now.isAfter(f.last().plus(WINDOW)) && !now.isBefore(f.lockedUntil());
    }

    private static Failures next(Failures previous, int limit, Instant now) {
        int count =
                previous == null || now.isAfter(previous.last().plus(WINDOW))
                        ? 1
                        : previous.count() + 1;
        Instant lockedUntil = now;
        if (count >= limit) {
            long seconds = 1L << Math.min(20, count - limit);
            lockedUntil = now.plus(Duration.ofSeconds(Math.min(seconds, MAX_LOCK.toSeconds())));
        }
        return new Failures(count, now, lockedUntil);
    }

    private static long remaining(Failures f, Instant now) {
        if (f == null || !now.isBefore(f.lockedUntil())) {
            return 0;
        }
        return Math.max(1, Duration.between(now, f.lockedUntil()).toSeconds() + 1);
    }
}
