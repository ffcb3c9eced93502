package io.armature.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleValidatorTest {
    private final Instant now = Instant.parse("2026-06-01T12:00:00Z");
    private final SampleValidator validator =
            new SampleValidator(Duration.ofMinutes(5), Duration.ofDays(30));

    private Optional<Rejection> check(String device, double value, Instant time) {
        return validator.check(3, new Sample("acme", device, "temp", time, value), now);
    }

    @Test
    void acceptsAValidSampleAtTheEdgesOfTheWindow() {
        assertTrue(check("press-1", 21.5, now.plus(Duration.ofMinutes(5))).isEmpty());
        assertTrue(check("a.b:c_d-e", -1e300, now.minus(Duration.ofDays(30))).isEmpty());
    }

    @Test
    void rejectsEachProblemWithItsReasonAndIndex() {
        assertEquals("non_finite_value", check("d", Double.NaN, now).orElseThrow().reason());
        assertEquals(
                "non_finite_value",
                check("d", Double.POSITIVE_INFINITY, now).orElseThrow().reason());
        assertEquals("time_in_future", check("d", 1, now.plusSeconds(301)).orElseThrow().reason());
        assertEquals(
                "time_too_old",
                check("d", 1, now.minus(Duration.ofDays(31))).orElseThrow().reason());
        Rejection malformed = check("bad device!", 1, now).orElseThrow();
        assertEquals("malformed_device", malformed.reason());
        assertEquals(3, malformed.index());
        assertTrue(malformed.message().contains("bad device!"));
        assertEquals("malformed_device", check("x".repeat(65), 1, now).orElseThrow().reason());
        assertEquals("malformed_device", check("", 1, now).orElseThrow().reason());
    }
}
