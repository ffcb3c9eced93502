package io.armature.ingest.internal;

import io.armature.api.sample.SampleBatch;
import io.armature.api.sample.SampleListener;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers accepted batches to one listener on its own thread through a bounded queue, so a slow
 * listener falls behind alone and never blocks ingest. When its queue is full, batches for that
 * listener are skipped and counted (the live stream is best-effort; storage is not).
 */
final class ListenerQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerQueue.class);
    static final int DEFAULT_CAPACITY = 1024;
    private final SampleListener listener;
    private final ThreadPoolExecutor executor;
    private final AtomicLong skipped = new AtomicLong();

    ListenerQueue(SampleListener listener, int capacity) {
        this.listener = listener;
        this.executor =
                new ThreadPoolExecutor(
                        1,
                        1,
                        0,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(capacity),
                        r ->
                                new Thread(
                                        r,
                                        "armature-listener-" + listener.getClass().getSimpleName()),
                        // a full queue and a queue closed under our feet (the listener left while
                        // ingest was offering) are both a skip: never an exception to the producer
                        (task, pool) -> skip(pool.isShutdown()));
    }

    private void skip(boolean closed) {
        long count = skipped.incrementAndGet();
        if (!closed && count % 1000 == 1) {
            LOG.warn("listener {} is falling behind; {} batches skipped", listener, count);
        }
    }

    /** Queues the batch for the listener, or counts it skipped when the queue is full or closed. */
    void offer(SampleBatch batch) {
        executor.execute(
                () -> {
                    try {
                        listener.onSamples(batch);
                    } catch (RuntimeException e) {
                        LOG.warn("listener {} failed: {}", listener, e.toString());
                    }
                });
    }

    /** Batches not delivered to this listener because its queue was full or closed. */
    long skipped() {
        return skipped.get();
    }

    void close() {
        executor.shutdownNow();
    }
}
