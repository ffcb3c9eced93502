package io.armature.core.internal.ingest;

import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.sample.SampleListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The ingest entry point: validates each sample, keeps the valid ones and hands them to the live
 * stream. Durable storage with buffering, spooling and backpressure plugs in behind this service
 * when a storage backend is present.
 */
@Component(service = {IngestService.class, LiveIngest.class})
@Designate(ocd = LiveIngest.Config.class)
public final class LiveIngest implements IngestService {
    @ObjectClassDefinition(
            name = "Armature ingest",
            description = "Validation window of incoming samples")
    public @interface Config {
        @AttributeDefinition(
                name = "Max future (s)",
                description = "How far after now a sample time may lie",
                min = "0")
        long maxFutureSeconds() default 300;

        @AttributeDefinition(
                name = "Max past (days)",
                description = "How far before now a sample time may lie",
                min = "1")
        long maxPastDays() default 3650;
    }

    private final SampleValidator validator;
    private final Clock clock;
    private final int listenerQueueCapacity;
    private final Map<SampleListener, ListenerQueue> listeners = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final Map<String, AtomicLong> rejectedByReason = new ConcurrentHashMap<>();

    @Activate
    public LiveIngest(Config config) {
        this(config, Clock.systemUTC());
    }

    LiveIngest(Config config, Clock clock) {
        this(config, clock, ListenerQueue.DEFAULT_CAPACITY);
    }

    LiveIngest(Config config, Clock clock, int listenerQueueCapacity) {
        this.listenerQueueCapacity = listenerQueueCapacity;
        this.validator =
                new SampleValidator(
                        Duration.ofSeconds(config.maxFutureSeconds()),
                        Duration.ofDays(config.maxPastDays()));
        this.clock = clock;
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(SampleListener listener) {
        listeners.put(listener, new ListenerQueue(listener, listenerQueueCapacity));
    }

    void removeListener(SampleListener listener) {
        ListenerQueue queue = listeners.remove(listener);
        if (queue != null) {
            queue.close();
        }
    }

    @Deactivate
    void deactivate() {
        listeners.values().forEach(ListenerQueue::close);
    }

    @Override
    public IngestResult ingest(SampleBatch batch, Duration maxWait) {
        List<Rejection> rejections = new ArrayList<>();
        List<Sample> valid = new ArrayList<>(batch.size());
        var now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            Sample sample = batch.samples().get(i);
            var rejection = validator.check(i, sample, now);
            if (rejection.isPresent()) {
                rejections.add(rejection.get());
                rejectedByReason
                        .computeIfAbsent(rejection.get().reason(), r -> new AtomicLong())
                        .incrementAndGet();
            } else {
                valid.add(sample);
            }
        }
        if (!valid.isEmpty()) {
            SampleBatch accepted = new SampleBatch(valid);
            listeners.values().forEach(q -> q.offer(accepted));
        }
        accepted.addAndGet(valid.size());
        return new IngestResult(valid.size(), rejections, null);
    }

    /** Samples accepted since start. */
    public long acceptedCount() {
        return accepted.get();
    }

    /** Batches the live stream could not deliver to a listener whose queue was full. */
    public long skippedDeliveries() {
        return listeners.values().stream().mapToLong(ListenerQueue::skipped).sum();
    }

    /** Samples rejected since start, by reason code. */
    public Map<String, Long> rejectedCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        rejectedByReason.forEach((reason, count) -> counts.put(reason, count.get()));
        return counts;
    }
}
