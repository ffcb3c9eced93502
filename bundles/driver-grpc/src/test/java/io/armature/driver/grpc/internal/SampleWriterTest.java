package io.armature.driver.grpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleWriterTest {
    /** Ingest that takes two samples per call, rejects NaN, and asks to retry the rest at once. */
    private static final class TwoAtATime implements DriverContext {
        final List<Sample> accepted = new ArrayList<>();
        int calls;

        @Override
        public String driverId() {
            return "io.armature.driver.grpc~test";
        }

        @Override
        public IngestResult publish(SampleBatch batch, Duration maxWait) {
            calls++;
            List<Rejection> rejections = new ArrayList<>();
            int taken = 0;
            for (int i = 0; i < batch.size(); i++) {
                Sample s = batch.samples().get(i);
                if (Double.isNaN(s.value())) {
                    rejections.add(new Rejection(i, "non_finite_value", "NaN"));
                } else if (taken < 2) {
                    accepted.add(s);
                    taken++;
                }
            }
            int valid = batch.size() - rejections.size();
            return new IngestResult(taken, rejections, valid > taken ? Duration.ZERO : null);
        }

        @Override
        public void rejected(String reason, long count) {}

        @Override
        public void failed(String reason) {}

        @Override
        public void problem(String message) {}

        @Override
        public void owns(String tenant, String device) {}
    }

    private static Sample sample(double value) {
        return new Sample("t", "d", "m", Instant.EPOCH, value);
    }

    @Test
    void offersTheRestAgainUntilEverySampleIsHandledKeepingTheOriginalIndices() throws Exception {
        TwoAtATime ingest = new TwoAtATime();
        List<Sample> samples =
                List.of(
                        sample(0),
                        sample(1),
                        sample(Double.NaN),
                        sample(3),
                        sample(4),
                        sample(Double.NaN),
                        sample(6));
        SampleWriter.Outcome outcome = new SampleWriter(ingest).write(samples);
        assertEquals(5, outcome.accepted());
        assertEquals(List.of(2, 5), outcome.rejections().stream().map(Rejection::index).toList());
        assertEquals(
                List.of(0.0, 1.0, 3.0, 4.0, 6.0),
                ingest.accepted.stream().map(Sample::value).toList());
        assertEquals(3, ingest.calls);
    }

    @Test
    void microsecondTimesAndZeroForTheReceiveTime() {
        Instant received = Instant.parse("2026-12-02T10:00:00Z");
        assertEquals(
                Instant.parse("2023-05-08T06:00:00.000001Z"),
                DeviceHubService.time(1_683_525_600_000_001L, received));
        assertEquals(
                Instant.parse("1969-12-31T23:59:59.999999Z"), DeviceHubService.time(-1, received));
        assertEquals(received, DeviceHubService.time(0, received));
    }

    @Test
    void commandArgumentsBecomeAStruct() {
        var struct =
                Structs.of(
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of(
                                        "value",
                                        21.5,
                                        "mode",
                                        "eco",
                                        "on",
                                        true,
                                        "zones",
                                        List.of(1, 2))));
        assertEquals(21.5, struct.getFieldsOrThrow("value").getNumberValue());
        assertEquals("eco", struct.getFieldsOrThrow("mode").getStringValue());
        assertEquals(true, struct.getFieldsOrThrow("on").getBoolValue());
        assertEquals(2, struct.getFieldsOrThrow("zones").getListValue().getValuesCount());
    }
}
