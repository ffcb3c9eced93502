package io.armature.ingest.internal.feed;

import io.armature.api.sample.DurableSampleConsumer;
import io.armature.api.sample.FeedBatch;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery thread of one durable consumer: reads the feed after the consumer's cursor, hands
 * batches over, advances the cursor when a call returns (recorded at most {@value #PERSIST_MILLIS}
 * ms later) and delivers the same batch again after a backoff when a call throws.
 */
final class FeedDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(FeedDelivery.class);
    static final long PERSIST_MILLIS = 200;
    static final int MAX_SAMPLES = 10_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final String id;
    private final DurableSampleConsumer consumer;
    private final SampleFeed feed;
    private final Thread thread;
    private volatile boolean running = true;
    private final AtomicLong deliveredSamples = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile long passed;
    private volatile long passedCumulative;
    private volatile long pendingSinceMillis; // acceptance time of the oldest undelivered record
    private volatile long missedSamples;
    private volatile String lastError;

    FeedDelivery(
            String id, DurableSampleConsumer consumer, SampleFeed feed, FeedCursors.Cursor from) {
        this.id = id;
        this.consumer = consumer;
        this.feed = feed;
        this.passed = from.record();
        this.passedCumulative = from.cumulative();
        this.thread = new Thread(this::run, "armature-feed-" + id);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        FeedLog log = feed.log();
        long persistedAt = 0;
        long persisted = passed;
        long backoff = 1000;
        try (FeedReader reader = new FeedReader(log, passed, passedCumulative)) {
            FeedBatch pending = null;
            while (running) {
                if (pending == null) {
                    pending = reader.read(MAX_SAMPLES);
                    missedSamples = reader.missedSamples();
                }
                if (pending == null) {
                    pendingSinceMillis = 0;
                    if (persisted != passed) {
                        persist();
                        persisted = passed;
                        persistedAt = System.currentTimeMillis();
                    }
                    log.awaitAfter(passed, persisted == passed ? 1000 : PERSIST_MILLIS);
                    continue;
                }
                if (pendingSinceMillis == 0) {
                    pendingSinceMillis = pending.acceptedAt().toEpochMilli();
                }
                try {
                    consumer.onSamples(pending);
                    deliveredSamples.addAndGet(pending.samples().size());
                    passed = reader.passed();
                    passedCumulative = reader.passedCumulative();
                    pending = null;
                    pendingSinceMillis = 0;
                    backoff = 1000;
                    lastError = null;
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception | LinkageError e) {
                    failures.incrementAndGet();
                    lastError = e.toString();
                    LOG.warn(
                            "durable consumer {} failed on records {}..{} ({}); again in {} ms",
                            id,
                            pending.first(),
                            pending.last(),
                            e.toString(),
                            backoff);
                    Thread.sleep(backoff); // backoff before redelivery, interrupted by stop()
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
                if (System.currentTimeMillis() - persistedAt >= PERSIST_MILLIS) {
                    persist();
                    persisted = passed;
                    persistedAt = System.currentTimeMillis();
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            lastError = e.toString();
            LOG.error("durable consumer {}: the feed cannot be read: {}", id, e.toString());
        } finally {
            persist();
        }
    }

    private void persist() {
        feed.passed(id, new FeedCursors.Cursor(passed, passedCumulative));
    }

    /** Stops delivery after the current call and records the cursor. */
    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }

    /** The health view: position, lag, delivered, failures, missed. */
    Map<String, Object> view(FeedLog log) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("registered", true);
        view.put("position", passed);
        view.put("lag_records", Math.max(0, log.lastNumber() - passed));
        view.put("lag_samples", Math.max(0, log.cumulativeSamples() - passedCumulative));
        long since = pendingSinceMillis;
        view.put(
                "lag_seconds",
                since == 0 ? 0.0 : Math.max(0, System.currentTimeMillis() - since) / 1000.0);
        view.put("delivered_samples", deliveredSamples.get());
        view.put("failures", failures.get());
        view.put("missed_samples", missedSamples);
        view.put("last_error", lastError);
        return view;
    }

    double lagSeconds() {
        long since = pendingSinceMillis;
        return since == 0 ? 0 : (System.currentTimeMillis() - since) / 1000.0;
    }

    long missedSamples() {
        return missedSamples;
    }
}
