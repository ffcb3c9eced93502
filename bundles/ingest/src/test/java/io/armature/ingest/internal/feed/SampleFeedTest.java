package io.armature.ingest.internal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.sample.DurableSampleConsumer;
import io.armature.api.sample.FeedBatch;
import io.armature.api.sample.FeedPosition;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.ingest.internal.writer.SpoolCodec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFeedTest {
    @TempDir Path directory;

    /** Records every sample it is given; optionally fails the first calls or waits for permits. */
    static final class Recorder implements DurableSampleConsumer {
        final List<Double> values = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<FeedBatch> batches = new CopyOnWriteArrayList<>();
        volatile int failuresLeft;
        volatile Semaphore gate;
        volatile FeedPosition own;

        @Override
        public FeedPosition resumeAfter() {
            return own;
        }

        @Override
        public void onSamples(FeedBatch batch) throws Exception {
            if (gate != null) {
                gate.acquire();
            }
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("not now");
            }
            batches.add(batch);
            batch.samples().forEach(s -> values.add(s.value()));
            synchronized (DELIVERED) {
                DELIVERED.notifyAll();
            }
        }
    }

    private static void append(SampleFeed feed, int from, int count) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            samples.add(new Sample("t", "d", "m", Instant.ofEpochSecond(i), i));
        }
        SampleBatch batch = new SampleBatch(samples);
        feed.append(SpoolCodec.encode(new UUID(0, 0), batch), batch.size());
    }

    /** Notified by every recorder after each delivery it took. */
    private static final Object DELIVERED = new Object();

    /**
     * Waits for the condition, woken by each delivery; a bounded wait re-checks what the feed
     * updates just after a delivery returns (its cursor).
     */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (DELIVERED) {
            while (!condition.getAsBoolean()) {
                assertTrue(System.nanoTime() < deadline, "condition not met in time");
                DELIVERED.wait(50);
            }
        }
    }

    private static List<Double> range(int from, int to) {
        List<Double> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add((double) i);
        }
        return values;
    }

    @Test
    void nothingIsWrittenUntilAConsumerRegistersThenEverythingArrivesInOrder() throws Exception {
        try (SampleFeed feed = new SampleFeed(directory, false, 1L << 30)) {
            append(feed, 0, 10);
            assertEquals(0, feed.bytes());
            Recorder recorder = new Recorder();
            feed.add(recorder, "rules");
            for (int i = 10; i < 1_010; i += 10) {
                append(feed, i, 10);
            }
            await(() -> recorder.values.size() == 1_000);
            assertEquals(range(10, 1_010), recorder.values);
            long last = 0;
            for (FeedBatch batch : recorder.batches) {
                assertEquals(last + 1, batch.first());
                last = batch.last();
            }
        }
    }

    @Test
    void aSlowConsumerLagsAndCatchesUpWithoutMissingASample() throws Exception {
        try (SampleFeed feed = new SampleFeed(directory, false, 1L << 30)) {
            Recorder slow = new Recorder();
            slow.gate = new Semaphore(0);
            feed.add(slow, "slow");
            for (int i = 0; i < 50_000; i += 100) {
                append(feed, i, 100);
            }
            Object lag = feed.consumers().get(0).get("lag_samples");
            assertTrue(((Number) lag).longValue() > 0, "lag " + lag);
            slow.gate.release(Integer.MAX_VALUE);
            await(() -> slow.values.size() == 50_000);
            assertEquals(range(0, 50_000), slow.values);
            assertTrue(slow.batches.size() < 500, "batches were joined: " + slow.batches.size());
            await(() -> ((Number) feed.consumers().get(0).get("lag_samples")).longValue() == 0);
        }
    }

    @Test
    void aFailedDeliveryIsRepeatedNotSkipped() throws Exception {
        try (SampleFeed feed = new SampleFeed(directory, false, 1L << 30)) {
            Recorder flaky = new Recorder();
            flaky.failuresLeft = 1;
            feed.add(flaky, "flaky");
            append(feed, 0, 5);
            await(() -> flaky.values.size() == 5);
            assertEquals(range(0, 5), flaky.values);
            assertEquals(1L, feed.consumers().get(0).get("failures"));
        }
    }

    @Test
    void aRestartResumesAfterTheCursorAndKeepsWhatAnAbsentConsumerHasNotSeen() throws Exception {
        Recorder first = new Recorder();
        try (SampleFeed feed = new SampleFeed(directory, false, 1L << 30)) {
            feed.add(first, "rules");
            append(feed, 0, 10);
            await(() -> first.values.size() == 10);
            feed.remove(first);
            append(feed, 10, 10); // the consumer is away; its cursor keeps the feed writing
        }
        Recorder second = new Recorder();
        try (SampleFeed feed = new SampleFeed(directory, false, 1L << 30)) {
            append(feed, 20, 10);
            feed.add(second, "rules");
            await(() -> second.values.size() == 20);
            assertEquals(range(10, 30), second.values);
        }
    }

    @Test
    void aConsumersOwnPositionWinsWhenItIsFurther() throws Exception {
        String feedId;
        try (SampleFeed feed = new SampleFeed(directory, false, 1L << 30)) {
            Recorder recorder = new Recorder();
            feed.add(recorder, "rules");
            for (int i = 0; i < 10; i++) {
                append(feed, i, 1);
            }
            await(() -> recorder.values.size() == 10);
            feedId = recorder.batches.get(0).feed();
            feed.remove(recorder);
            for (int i = 10; i < 20; i++) {
                append(feed, i, 1);
            }
            Recorder resumed = new Recorder();
            resumed.own = new FeedPosition(feedId, 15); // it had durably handled records up to 15
            feed.add(resumed, "rules");
            await(() -> resumed.values.size() == 5);
            assertEquals(range(15, 20), resumed.values);
            Recorder foreign = new Recorder();
            foreign.own = new FeedPosition("another-feed", 19);
            feed.add(foreign, "other");
            append(feed, 20, 1);
            await(() -> foreign.values.size() == 1);
            assertEquals(List.of(20.0), foreign.values);
        }
    }

    @Test
    void overTheQuotaTheOldestRecordsAreDroppedAndCountedAsMissed() throws Exception {
        try (SampleFeed feed = new SampleFeed(directory, false, 20L << 20)) {
            Recorder stuck = new Recorder();
            stuck.gate = new Semaphore(0);
            feed.add(stuck, "stuck");
            int perBatch = 10_000; // about 240 kB a record
            int batches = 200; // about 48 MB: over the 20 MB quota
            for (int i = 0; i < batches; i++) {
                append(feed, i * perBatch, perBatch);
            }
            assertTrue(feed.bytes() <= (20L << 20) + (17L << 20), "bytes " + feed.bytes());
            stuck.gate.release(Integer.MAX_VALUE);
            await(() -> ((Number) feed.consumers().get(0).get("lag_samples")).longValue() == 0);
            long missed = feed.missedSamples();
            assertTrue(missed > 0, "missed " + missed);
            assertEquals((long) batches * perBatch, stuck.values.size() + missed);
            assertEquals(
                    (double) (batches * perBatch - 1), stuck.values.get(stuck.values.size() - 1));
        }
    }
}
