package io.armature.ingest.internal.writer;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Batches with values 0, 1, 2… so order and completeness are easy to check. */
final class Fixtures {
    private Fixtures() {}

    /** Samples {@code from} .. {@code from + count - 1}, the value equal to the number. */
    static SampleBatch batch(int from, int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            samples.add(
                    new Sample(
                            "acme",
                            "press-" + (i % 3),
                            "force",
                            Instant.ofEpochSecond(1_700_000_000L + i),
                            i));
        }
        return new SampleBatch(samples);
    }

    static List<Double> values(List<Sample> samples) {
        return samples.stream().map(Sample::value).toList();
    }

    /** 0.0 .. count - 1. */
    static List<Double> range(int count) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add((double) i);
        }
        return values;
    }

    /** Waits until the writer has begun two more replay rounds (one full round in between). */
    static void awaitTwoReplayRounds(StorageWriter writer) throws InterruptedException {
        long start = writer.replayRounds();
        await(() -> writer.replayRounds() >= start + 2);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(5);
        }
    }
}
