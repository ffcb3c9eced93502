package com.example.signal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalGeneratorDriverTest {
    /** A driver context that records what the driver publishes and reports. */
    private static final class RecordingContext implements DriverContext {
        final List<Sample> published = new ArrayList<>();

        /** Problems reported, in order; null when the driver cleared its problem. */
        final List<String> problems = new ArrayList<>();

        boolean rejectAll;

        /** Takes at most this many samples per call, then asks to retry; negative: no limit. */
        int capacity = -1;

        final List<Integer> offered = new ArrayList<>();

        @Override
        public String driverId() {
            return "test";
        }

        @Override
        public IngestResult publish(SampleBatch batch, Duration maxWait) {
            if (rejectAll) {
                return new IngestResult(
                        0, List.of(new Rejection(0, "time_in_future", "too early")), null);
            }
            offered.add(batch.size());
            if (capacity >= 0 && batch.size() > capacity) {
                published.addAll(batch.samples().subList(0, capacity));
                return new IngestResult(
                        capacity, List.of(), Duration.ofSeconds(2), IngestResult.BUFFER_FULL);
            }
            published.addAll(batch.samples());
            return new IngestResult(batch.size(), List.of(), null);
        }

        @Override
        public void problem(String message) {
            problems.add(message);
        }

        @Override
        public void rejected(String reason, long count) {}

        @Override
        public void failed(String reason) {
            throw new AssertionError("the generator never fails: " + reason);
        }

        @Override
        public void owns(String tenant, String device) {}
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static SignalGeneratorDriver.Config config(String waveform, int intervalMillis) {
        return new SignalGeneratorDriver.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SignalGeneratorDriver.Config.class;
            }

            @Override
            public String tenant() {
                return "acme";
            }

            @Override
            public String device() {
                return "press-7";
            }

            @Override
            public String metric() {
                return "force";
            }

            @Override
            public String waveform() {
                return waveform;
            }

            @Override
            public double amplitude() {
                return 5;
            }

            @Override
            public double offset() {
                return 100;
            }

            @Override
            public int periodSeconds() {
                return 20;
            }

            @Override
            public int intervalMillis() {
                return intervalMillis;
            }
        };
    }

    @Test
    void ticksPublishTheConfiguredSeriesFollowingTheWaveform() {
        ManualClock clock = new ManualClock();
        SignalGeneratorDriver driver = new SignalGeneratorDriver(config("RAMP", 3_600_000), clock);
        RecordingContext context = new RecordingContext();
        driver.start(context);
        try {
            clock.now = clock.now.plusSeconds(5);
            driver.tick(context);
            clock.now = clock.now.plusSeconds(5);
            driver.tick(context);
        } finally {
            driver.stop();
        }
        // the scheduler's first tick is an hour away: only the two ticks of the test published
        List<Sample> last = context.published;
        assertEquals(2, last.size());
        assertEquals(
                new Sample("acme", "press-7", "force", Instant.parse("2026-01-01T00:00:05Z"), 97.5),
                last.get(0));
        assertEquals(
                new Sample(
                        "acme", "press-7", "force", Instant.parse("2026-01-01T00:00:10Z"), 100.0),
                last.get(1));
        assertTrue(context.problems.isEmpty(), "a healthy run reports no problem");
    }

    @Test
    void rejectedSamplesDegradeTheDriverStatusWithTheReason() {
        ManualClock clock = new ManualClock();
        SignalGeneratorDriver driver = new SignalGeneratorDriver(config("SINE", 3_600_000), clock);
        RecordingContext context = new RecordingContext();
        context.rejectAll = true;
        driver.start(context);
        driver.tick(context);
        driver.stop();
        assertTrue(context.problems.stream().anyMatch(m -> m != null && m.contains("too early")));
    }

    @Test
    void samplesIngestDidNotTakeAreOfferedAgainAfterRetryAfterInOrderNoneLost() {
        ManualClock clock = new ManualClock();
        SignalGeneratorDriver driver = new SignalGeneratorDriver(config("RAMP", 3_600_000), clock);
        RecordingContext context = new RecordingContext();
        driver.start(context);
        context.capacity = 0; // ingest saturated: nothing is taken
        clock.now = clock.now.plusSeconds(1);
        driver.tick(context); // sample 1 refused, retry after 2 s
        clock.now = clock.now.plusSeconds(1);
        driver.tick(context); // sample 2 generated, but the retry time has not come
        assertEquals(List.of(1), context.offered, "no offer before retryAfter has passed");
        assertEquals(2, driver.pending());
        assertTrue(context.problems.stream().anyMatch(m -> m != null && m.contains("retry")));
        context.capacity = 2; // ingest takes two of the three now held
        clock.now = clock.now.plusSeconds(1);
        driver.tick(context);
        assertEquals(1, driver.pending());
        context.capacity = -1; // back to normal
        clock.now = clock.now.plusSeconds(2);
        driver.tick(context);
        driver.stop();
        assertEquals(0, driver.pending());
        List<Instant> times = context.published.stream().map(Sample::time).toList();
        assertEquals(
                List.of(1L, 2L, 3L, 5L),
                times.stream()
                        .map(
                                t ->
                                        t.getEpochSecond()
                                                - Instant.parse("2026-01-01T00:00:00Z")
                                                        .getEpochSecond())
                        .toList(),
                "every generated sample published once, in order");
        assertEquals(
                null,
                context.problems.get(context.problems.size() - 1),
                "the problem is cleared once ingest takes everything again");
    }

    @Test
    void whileIngestPushesBackTheGeneratorHoldsABoundedBufferAndPauses() {
        ManualClock clock = new ManualClock();
        SignalGeneratorDriver driver = new SignalGeneratorDriver(config("SINE", 3_600_000), clock);
        RecordingContext context = new RecordingContext();
        driver.start(context);
        context.capacity = 0;
        for (int i = 0; i < SignalGeneratorDriver.MAX_PENDING + 50; i++) {
            clock.now = clock.now.plusSeconds(1);
            driver.tick(context);
        }
        driver.stop();
        assertEquals(SignalGeneratorDriver.MAX_PENDING, driver.pending());
        assertEquals(0, context.published.size());
    }
}
