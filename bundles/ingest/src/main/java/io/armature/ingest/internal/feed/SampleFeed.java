package io.armature.ingest.internal.feed;

import io.armature.api.sample.DurableSampleConsumer;
import io.armature.api.sample.FeedPosition;
import io.armature.api.sample.Identifiers;
import io.armature.ingest.internal.writer.AcceptedLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable sample feed: every batch ingest accepts is appended (in the same step that journals
 * it, before the producer hears it was accepted) while a durable consumer is registered or has a
 * cursor; each registered {@link DurableSampleConsumer} gets a delivery thread reading it in order.
 * Records are kept until every known cursor has passed them, within a disk quota.
 */
public final class SampleFeed implements AcceptedLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SampleFeed.class);

    private final FeedLog log;
    private final FeedCursors cursors;
    private final Map<DurableSampleConsumer, FeedDelivery> deliveries = new ConcurrentHashMap<>();
    private final Map<String, DurableSampleConsumer> byId = new ConcurrentHashMap<>();
    private volatile boolean active;
    private long droppedSamples;

    /**
     * @param directory where segments and cursors live ({@code data/feed})
     * @param sync force each record to disk (as the journal does with {@code journalSync})
     * @param quotaBytes the most disk the records may take
     */
    public SampleFeed(Path directory, boolean sync, long quotaBytes) throws IOException {
        this.log = new FeedLog(directory, sync, quotaBytes);
        this.cursors = new FeedCursors(directory.resolve("cursors"), log.id());
        this.active = !cursors.isEmpty();
    }

    FeedLog log() {
        return log;
    }

    /** Appends an accepted batch when some consumer needs it; a no-op otherwise. */
    @Override
    public void append(byte[] encoded, int samples) throws IOException {
        if (active) {
            log.append(encoded, samples, System.currentTimeMillis());
        }
    }

    /**
     * A consumer registered: delivery starts after its cursor, after its own {@link
     * DurableSampleConsumer#resumeAfter()} when that is further, or at the feed's end for a
     * consumer never seen.
     */
    public synchronized void add(DurableSampleConsumer consumer, Object idProperty) {
        String id = idProperty == null ? null : idProperty.toString();
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}") || byId.containsKey(id)) {
            LOG.error(
                    "durable consumer {} ignored: its {} '{}' is missing, invalid or taken ({})",
                    consumer,
                    DurableSampleConsumer.ID_PROPERTY,
                    id,
                    Identifiers.PATTERN);
            return;
        }
        FeedCursors.Cursor from = cursors.get(id);
        if (from == null) {
            from = new FeedCursors.Cursor(log.lastNumber(), log.cumulativeSamples());
        }
        FeedPosition own = resumeAfter(consumer, id);
        if (own != null && own.feed().equals(log.id()) && own.record() > from.record()) {
            long record = Math.min(own.record(), log.lastNumber());
            from = new FeedCursors.Cursor(record, from.cumulative());
        }
        active = true;
        FeedDelivery delivery = new FeedDelivery(id, consumer, this, from);
        byId.put(id, consumer);
        deliveries.put(consumer, delivery);
        passed(id, from);
        delivery.start();
    }

    private static FeedPosition resumeAfter(DurableSampleConsumer consumer, String id) {
        try {
            return consumer.resumeAfter();
        } catch (RuntimeException e) {
            LOG.warn(
                    "durable consumer {}: resumeAfter failed ({}); using the feed's cursor",
                    id,
                    e.toString());
            return null;
        }
    }

    /**
     * A consumer left: its thread stops, its cursor stays (the feed keeps what it has not seen).
     */
    public void remove(DurableSampleConsumer consumer) throws InterruptedException {
        FeedDelivery delivery;
        synchronized (this) {
            delivery = deliveries.remove(consumer);
            byId.values().remove(consumer);
        }
        if (delivery != null) {
            delivery.stop();
        }
    }

    /** Records a consumer's cursor and deletes what every known consumer has passed. */
    void passed(String id, FeedCursors.Cursor cursor) {
        try {
            cursors.put(log.id(), id, cursor);
        } catch (IOException e) {
            LOG.warn("cannot record the feed cursor of {}: {}", id, e.toString());
        }
        synchronized (log) {
            droppedSamples += log.retainAfter(cursors.passedByAll());
        }
    }

    public void quota(long bytes) {
        log.quota(bytes);
    }

    /** Consumers, registered or known by their cursor only, for {@code /health}. */
    public List<Map<String, Object>> consumers() {
        List<Map<String, Object>> views = new ArrayList<>();
        Map<String, FeedCursors.Cursor> known = new LinkedHashMap<>(cursors.all());
        for (Map.Entry<String, DurableSampleConsumer> entry : byId.entrySet()) {
            FeedDelivery delivery = deliveries.get(entry.getValue());
            if (delivery != null) {
                views.add(delivery.view(log));
                known.remove(entry.getKey());
            }
        }
        for (Map.Entry<String, FeedCursors.Cursor> absent : known.entrySet()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", absent.getKey());
            view.put("registered", false);
            view.put("position", absent.getValue().record());
            view.put("lag_records", Math.max(0, log.lastNumber() - absent.getValue().record()));
            view.put(
                    "lag_samples",
                    Math.max(0, log.cumulativeSamples() - absent.getValue().cumulative()));
            views.add(view);
        }
        views.sort(java.util.Comparator.comparing(v -> v.get("id").toString()));
        return views;
    }

    /** The largest lag of a registered consumer, seconds. */
    public double maxLagSeconds() {
        return deliveries.values().stream().mapToDouble(FeedDelivery::lagSeconds).max().orElse(0);
    }

    /** Samples some registered consumer missed because the feed was over its quota. */
    public long missedSamples() {
        return deliveries.values().stream().mapToLong(FeedDelivery::missedSamples).sum();
    }

    public long bytes() {
        return log.bytes();
    }

    public boolean active() {
        return active;
    }

    @Override
    public void close() throws IOException {
        for (DurableSampleConsumer consumer : List.copyOf(deliveries.keySet())) {
            try {
                remove(consumer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.close();
    }
}
