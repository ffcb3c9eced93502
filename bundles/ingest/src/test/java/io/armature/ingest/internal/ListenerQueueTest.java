package io.armature.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenerQueueTest {
    private static SampleBatch batch(double value) {
        return SampleBatch.of(new Sample("acme", "d", "m", Instant.EPOCH, value));
    }

    @Test
    void anOfferRacingTheListenersRemovalIsASkipNotAnException() {
        ListenerQueue queue = new ListenerQueue(batch -> {}, 4);
        queue.close(); // the listener left between ingest's look-up and its offer
        assertDoesNotThrow(() -> queue.offer(batch(1)));
        assertEquals(1, queue.skipped());
    }

    @Test
    void aFullQueueSkipsAndCountsWhileTheListenerKeepsItsOrder() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Double> received = new CopyOnWriteArrayList<>();
        ListenerQueue queue =
                new ListenerQueue(
                        batch -> {
                            started.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            received.add(batch.samples().get(0).value());
                        },
                        2);
        queue.offer(batch(0));
        assertTrue(started.await(5, TimeUnit.SECONDS)); // batch 0 is being delivered
        for (int i = 1; i <= 5; i++) {
            queue.offer(batch(i)); // 1 and 2 fit in the queue, 3..5 do not
        }
        assertEquals(3, queue.skipped());
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received.size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(0.0, 1.0, 2.0), received);
        queue.close();
    }

    @Test
    void aListenerThatThrowsKeepsReceivingLaterBatches() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        ListenerQueue queue =
                new ListenerQueue(
                        batch -> {
                            if (batch.samples().get(0).value() == 1) {
                                throw new IllegalStateException("listener bug");
                            }
                            second.countDown();
                        },
                        4);
        queue.offer(batch(1));
        queue.offer(batch(2));
        assertTrue(second.await(5, TimeUnit.SECONDS));
        assertEquals(0, queue.skipped());
        queue.close();
    }
}
