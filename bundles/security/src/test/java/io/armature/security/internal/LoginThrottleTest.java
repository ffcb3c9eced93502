package io.armature.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aUserIsLockedAfterTheLimitForADoublingTime() {
        LoginThrottle throttle = new LoginThrottle(3, 100);
        for (int i = 0; i < 2; i++) {
            throttle.failed("alice", "10.0.0.1", t0);
            assertEquals(Optional.empty(), throttle.refusal("alice", "10.0.0.1", t0));
        }
        throttle.failed("alice", "10.0.0.1", t0);
        assertTrue(
                throttle.refusal("alice", "10.0.0.2", t0).isPresent(),
                "locked whatever the source");
        assertEquals(Optional.empty(), throttle.refusal("alice", "10.0.0.1", t0.plusSeconds(2)));
        throttle.failed("alice", "10.0.0.1", t0.plusSeconds(2));
        assertTrue(throttle.refusal("alice", "10.0.0.1", t0.plusSeconds(3)).isPresent(), "2 s now");
        assertEquals(
                Optional.empty(), throttle.refusal("bob", "10.0.0.9", t0), "others unaffected");
        throttle.succeeded("alice");
        assertEquals(Optional.empty(), throttle.refusal("alice", "10.0.0.2", t0.plusSeconds(3)));
    }

    @Test
    void aSourceTryingManyNamesIsLocked() {
        LoginThrottle throttle = new LoginThrottle(100, 5);
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.66", t0);
        }
        assertTrue(throttle.refusal("someone-else", "10.0.0.66", t0).isPresent());
        assertEquals(Optional.empty(), throttle.refusal("someone-else", "10.0.0.7", t0));
    }
}
