package io.armature.ingest.internal;

import io.armature.api.device.Admission;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.sample.SampleListener;
import io.armature.ingest.internal.writer.StorageWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest entry point: validates each sample, hands the valid ones to the storage writer
 * (bounded buffer: a producer waits at most its {@code maxWait}, then is told to retry) and to the
 * live stream. Valid samples of a batch are taken in order; when the buffer stays full, the result
 * says how many were taken and when to retry the rest.
 */
public final class LiveIngest implements IngestService {
    /** How long a producer told to retry should wait: about one large write to storage. */
    private static final Duration RETRY_AFTER = Duration.ofMillis(200);

    /** How long to wait when no backend is known, a spool is full or the journal fails. */
    private static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(LiveIngest.class);

    private volatile SampleValidator validator;
    private final Clock clock;
    private final int listenerQueueCapacity;
    private final Map<SampleListener, ListenerQueue> listeners = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final RecentRate acceptedRate = new RecentRate(System::currentTimeMillis);
    private final ReasonCounts rejected = new ReasonCounts();
    private final ReasonCounts refused = new ReasonCounts();

    private volatile StorageWriter storage;

    private final DeviceRegistry registry;

    /**
     * @param maxFuture how far after now a sample time may lie
     * @param maxPast how far before now a sample time may lie
     * @param storage where accepted samples go
     * @param registry admits tenants and devices
     * @param clock the time samples are checked against
     * @param listenerQueueCapacity batches queued per live-stream listener
     */
    public LiveIngest(
            Duration maxFuture,
            Duration maxPast,
            StorageWriter storage,
            DeviceRegistry registry,
            Clock clock,
            int listenerQueueCapacity) {
        this.storage = storage;
        this.registry = registry;
        this.listenerQueueCapacity = listenerQueueCapacity;
        this.validator = new SampleValidator(maxFuture, maxPast);
        this.clock = clock;
    }

    /** Applies a new validation window to the samples that arrive from now on. */
    public void window(Duration maxFuture, Duration maxPast) {
        this.validator = new SampleValidator(maxFuture, maxPast);
    }

    /**
     * Sends accepted samples to another writer from now on (the old one was stopped: calls still
     * using it are told to retry).
     */
    public void useWriter(StorageWriter writer) {
        this.storage = writer;
    }

    /** A live-stream listener registered: it gets every batch accepted from now on. */
    public void addListener(SampleListener listener) {
        listeners.put(listener, new ListenerQueue(listener, listenerQueueCapacity));
    }

    public void removeListener(SampleListener listener) {
        ListenerQueue queue = listeners.remove(listener);
        if (queue != null) {
            queue.close();
        }
    }

    /** Stops the listeners' delivery threads. */
    public void close() {
        listeners.values().forEach(ListenerQueue::close);
    }

    @Override
    public IngestResult ingest(SampleBatch batch, Duration maxWait) throws InterruptedException {
        List<Rejection> rejections = new ArrayList<>();
        List<Sample> valid = new ArrayList<>(batch.size());
        var now = clock.instant();
        SampleValidator window = this.validator;
        try (Admission admission = registry.admission()) {
            for (int i = 0; i < batch.size(); i++) {
                Sample sample = batch.samples().get(i);
                var rejection = window.check(i, sample, now);
                if (rejection.isEmpty()) {
                    rejection = admission.check(i, sample);
                }
                if (rejection.isPresent()) {
                    rejections.add(rejection.get());
                    rejected.add(rejection.get().reason(), 1);
                } else {
                    valid.add(sample);
                }
            }
        }
        StorageWriter storage = this.storage;
        int taken = 0;
        StorageWriter.Offer refusal = null;
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (taken < valid.size()) {
            List<Sample> chunk =
                    valid.subList(taken, Math.min(valid.size(), taken + storage.maxBatch()));
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            SampleBatch taking = new SampleBatch(chunk);
            StorageWriter.Offer offer = storage.offer(taking, left);
            if (offer != StorageWriter.Offer.TAKEN) {
                refusal = offer;
                break;
            }
            taken += chunk.size();
            stream(taking);
        }
        accepted.addAndGet(taken);
        acceptedRate.add(taken);
        if (refusal != null) {
            refused.add(refusal.reason(), valid.size() - taken);
            return new IngestResult(taken, rejections, retryAfter(refusal), refusal.reason());
        }
        return new IngestResult(taken, rejections, null);
    }

    /** Accepted is final: nothing in the best-effort live stream may throw to the producer. */
    private void stream(SampleBatch accepted) {
        for (ListenerQueue queue : listeners.values()) {
            try {
                queue.offer(accepted);
            } catch (RuntimeException e) {
                LOG.warn("live stream delivery failed: {}", e.toString());
            }
        }
    }

    /** A full buffer frees up within about one large write; the other causes take longer. */
    private static Duration retryAfter(StorageWriter.Offer offer) {
        return offer == StorageWriter.Offer.BUFFER_FULL ? RETRY_AFTER : RETRY_AFTER_UNAVAILABLE;
    }

    /** Valid samples not taken since start (the producer was told to retry), by reason code. */
    public Map<String, Long> refusedCounts() {
        return refused.snapshot();
    }

    /** Samples accepted since start. */
    public long acceptedCount() {
        return accepted.get();
    }

    /** Samples accepted per second, averaged over the last minute. */
    public double acceptedPerSecond() {
        return acceptedRate.perSecond();
    }

    /** Batches the live stream could not deliver to a listener whose queue was full. */
    public long skippedDeliveries() {
        return listeners.values().stream().mapToLong(ListenerQueue::skipped).sum();
    }

    /** Samples rejected since start, by reason code. */
    public Map<String, Long> rejectedCounts() {
        return rejected.snapshot();
    }
}
