package com.example.signal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverStatus;
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
        final List<DriverStatus> statuses = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        boolean rejectAll;

        @Override
        public String driverId() {
            return "test";
        }

        @Override
        public IngestResult publish(SampleBatch batch, Duration maxWait) {
            if (rejectAll) {
                return new IngestResult(0, List.of(new Rejection(0, "time_in_future", "too early")), null);
            }
            published.addAll(batch.samples());
            return new IngestResult(batch.size(), List.of(), null);
        }

        @Override
        public void status(DriverStatus status, String message) {
            statuses.add(status);
            messages.add(message);
        }
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
            @Override public Class<? extends Annotation> annotationType() { return SignalGeneratorDriver.Config.class; }
            @Override public String tenant() { return "acme"; }
            @Override public String device() { return "press-7"; }
            @Override public String metric() { return "force"; }
            @Override public String waveform() { return waveform; }
            @Override public double amplitude() { return 5; }
            @Override public double offset() { return 100; }
            @Override public int periodSeconds() { return 20; }
            @Override public int intervalMillis() { return intervalMillis; }
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
        assertEquals(new Sample("acme", "press-7", "force", Instant.parse("2026-01-01T00:00:05Z"), 97.5), last.get(0));
        assertEquals(new Sample("acme", "press-7", "force", Instant.parse("2026-01-01T00:00:10Z"), 100.0), last.get(1));
        assertEquals(DriverStatus.RUNNING, context.statuses.get(0));
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
        assertTrue(context.statuses.contains(DriverStatus.DEGRADED));
        assertTrue(context.messages.stream().anyMatch(m -> m != null && m.contains("too early")));
    }
}
