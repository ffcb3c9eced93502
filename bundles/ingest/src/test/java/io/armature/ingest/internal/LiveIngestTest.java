package io.armature.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.sample.SampleListener;
import io.armature.device.internal.DeviceRegistryImpl;
import io.armature.ingest.internal.writer.StorageWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveIngestTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir static java.nio.file.Path spool;
    static StorageWriter storage;

    @BeforeAll
    static void storage() {
        storage = new StorageWriter(spool.resolve("with-backend"), 10_000, 1_000);
        storage.addStore(new DiscardingStore());
    }

    /** A backend that takes every write: these tests are about ingest, not storage. */
    private static final class DiscardingStore implements io.armature.api.storage.TimeSeriesStore {
        @Override
        public String id() {
            return "discard";
        }

        @Override
        public void write(SampleBatch batch) {}

        @Override
        public io.armature.api.storage.RawPage raw(io.armature.api.storage.RawQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<io.armature.api.storage.Bucket> buckets(
                io.armature.api.storage.BucketQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, io.armature.api.storage.RawPage.Point> latest(
                String tenant, String device) {
            throw new UnsupportedOperationException();
        }
    }

    @AfterAll
    static void stopStorage() throws InterruptedException {
        storage.deactivate();
    }

    private static LiveIngest ingest() {
        return ingest(1024);
    }

    private static LiveIngest ingest(int queueCapacity) {
        return ingest(queueCapacity, storage);
    }

    private static LiveIngest ingest(int queueCapacity, StorageWriter storage) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new LiveIngest(
                Duration.ofSeconds(60),
                Duration.ofDays(1),
                storage,
                new DeviceRegistryImpl(
                        spool.resolve("registry-" + java.util.UUID.randomUUID() + ".json"),
                        Duration.ofSeconds(20),
                        true,
                        Duration.ofHours(1),
                        clock),
                clock,
                queueCapacity);
    }

    private static Sample sample(String device, double value, Instant time) {
        return new Sample("acme", device, "temp", time, value);
    }

    @Test
    void keepsValidSamplesOfABatchAndExplainsEachRejection() throws Exception {
        LiveIngest ingest = ingest();
        List<Sample> received = new CopyOnWriteArrayList<>();
        ingest.addListener(batch -> received.addAll(batch.samples()));
        IngestResult result =
                ingest.ingest(
                        new SampleBatch(
                                List.of(
                                        sample("a", 1, NOW),
                                        sample("b", Double.NaN, NOW),
                                        sample("c", 3, NOW.plusSeconds(3600)),
                                        sample("bad id", 4, NOW),
                                        sample("e", 5, NOW.minusSeconds(60)))),
                        Duration.ZERO);
        assertEquals(2, result.accepted());
        assertEquals(List.of(1, 2, 3), result.rejections().stream().map(r -> r.index()).toList());
        assertEquals(
                List.of("non_finite_value", "time_in_future", "malformed_device"),
                result.rejections().stream().map(r -> r.reason()).toList());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (received.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(1.0, 5.0), received.stream().map(Sample::value).toList());
        assertEquals(2, ingest.acceptedCount());
        assertEquals(
                Map.of("malformed_device", 1L, "non_finite_value", 1L, "time_in_future", 1L),
                ingest.rejectedCounts());
        ingest.close();
    }

    @Test
    void aBlockedListenerNeverStallsIngestOrOtherListeners() throws Exception {
        LiveIngest ingest = ingest(16);
        CountDownLatch release = new CountDownLatch(1);
        SampleListener stuck =
                batch -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
        List<SampleBatch> healthy = new CopyOnWriteArrayList<>();
        ingest.addListener(stuck);
        ingest.addListener(healthy::add);
        int batches = 200;
        for (int i = 0; i < batches; i++) {
            assertEquals(
                    1,
                    ingest.ingest(SampleBatch.of(sample("d", i, NOW)), Duration.ZERO).accepted());
            int expected = i + 1;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (healthy.size() < expected && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertEquals(batches, ingest.acceptedCount(), "ingest went on while a listener was stuck");
        assertEquals(batches, healthy.size(), "the healthy listener got every batch, in order");
        assertEquals(199.0, healthy.get(batches - 1).samples().get(0).value());
        // the stuck listener holds one batch and queues 16; the rest is skipped and counted
        assertEquals(batches - 1 - 16, ingest.skippedDeliveries());
        release.countDown();
        ingest.close();
    }

    @Test
    void withNoStorageBackendValidSamplesAreRefusedWithAReasonNotDropped() throws Exception {
        StorageWriter none = new StorageWriter(spool.resolve("no-backend"), 10_000, 1_000);
        LiveIngest ingest = ingest(16, none);
        SampleBatch offered =
                new SampleBatch(List.of(sample("a", 1, NOW), sample("b", Double.NaN, NOW)));
        IngestResult result = ingest.ingest(offered, Duration.ZERO);
        assertEquals(0, result.accepted());
        assertEquals(1, result.rejected(), "invalid samples are still rejected for good");
        assertEquals(IngestResult.NO_STORAGE_BACKEND, result.retryReason());
        assertEquals(
                List.of(offered.samples().get(0)),
                result.unaccepted(offered).samples(),
                "the valid sample is the one to offer again");
        assertEquals(Map.of(IngestResult.NO_STORAGE_BACKEND, 1L), ingest.refusedCounts());
        assertEquals(0, ingest.acceptedCount());
        ingest.close();
        none.deactivate();
    }

    @Test
    void aListenerLeavingWhileIngestFeedsItNeverFailsAnAcceptedBatch() throws Exception {
        LiveIngest ingest = ingest(4);
        int rounds = 2_000;
        Thread churn =
                new Thread(
                        () -> {
                            for (int i = 0; i < rounds; i++) {
                                SampleListener listener = batch -> {};
                                ingest.addListener(listener);
                                ingest.removeListener(listener);
                            }
                        });
        churn.start();
        int accepted = 0;
        while (churn.isAlive()) {
            accepted +=
                    ingest.ingest(SampleBatch.of(sample("d", accepted, NOW)), Duration.ofSeconds(5))
                            .accepted();
        }
        churn.join();
        assertEquals(accepted, ingest.acceptedCount());
        ingest.close();
    }
}
