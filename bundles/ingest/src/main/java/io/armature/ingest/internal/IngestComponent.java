package io.armature.ingest.internal;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.health.HealthCheck;
import io.armature.api.sample.DurableSampleConsumer;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.SampleBatch;
import io.armature.api.sample.SampleListener;
import io.armature.api.storage.TimeSeriesStore;
import io.armature.boot.RuntimeHome;
import io.armature.ingest.internal.feed.SampleFeed;
import io.armature.ingest.internal.writer.StorageHealthCheck;
import io.armature.ingest.internal.writer.StorageWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.LoggerFactory;

/**
 * The ingest service as the framework sees it, PID {@value #PID}: one component owns validation
 * ({@link LiveIngest}) and the storage writer, because their call is synchronous with backpressure
 * and they share one configuration. It registers {@link IngestService} and two {@link HealthCheck}s
 * ({@code ingest}, {@code storage}), and passes storage backends and live-stream listeners in. A
 * new configuration restarts both: the writer drains (written or spooled) first, so nothing
 * accepted is lost.
 */
@Component(
        name = IngestComponent.PID,
        configurationPid = IngestComponent.PID,
        service = IngestService.class)
@Designate(ocd = IngestComponent.Config.class)
public final class IngestComponent implements IngestService {
    /** The configuration PID of ingest. */
    public static final String PID = "io.armature.ingest";

    @ObjectClassDefinition(
            name = "Armature ingest",
            description =
                    "Validation window of incoming samples, the in-memory buffer, the journal and"
                            + " the per-backend spool")
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

        @AttributeDefinition(
                name = "Buffer (samples)",
                description = "Accepted samples held in memory before producers are slowed down",
                min = "1000")
        int bufferSamples() default 200_000;

        @AttributeDefinition(
                name = "Batch (samples)",
                description = "Largest write to a backend",
                min = "1")
        int batchSamples() default 20_000;

        @AttributeDefinition(
                name = "Journal fsync",
                description =
                        "Force every accepted batch to disk before acknowledging it: survives a"
                                + " power loss, not only a crash of the process, at the cost of one"
                                + " fsync per batch")
        boolean journalSync() default false;

        @AttributeDefinition(
                name = "Writer threads",
                description =
                        "Writes in flight to each backend at once (2 uses both cores of a small"
                                + " machine: one prepares a batch while the database stores another)",
                min = "1",
                max = "8")
        int writerThreads() default 2;

        @AttributeDefinition(
                name = "Spool quota (MB)",
                description =
                        "Disk space the spool of one storage backend may take while the backend is"
                                + " unreachable or away. When a spool reaches it, ingest refuses new"
                                + " samples (spool_quota_exceeded) until the backend is back and the"
                                + " spool drains; samples already accepted are always kept",
                min = "1")
        long spoolQuotaMegabytes() default 1024;

        @AttributeDefinition(
                name = "Feed quota (MB)",
                description =
                        "Disk space the durable sample feed may take (every accepted sample, kept"
                                + " until each durable consumer such as the alert engine has passed"
                                + " it). Over it the oldest records are dropped and counted as"
                                + " missed_samples of the consumers behind",
                min = "16")
        long feedQuotaMegabytes() default 1024;
    }

    private final Path spoolRoot;
    private final SampleFeed feed;
    private final List<TimeSeriesStore> stores = new CopyOnWriteArrayList<>();
    private volatile StorageWriter writer;
    private volatile Config config;
    private final LiveIngest ingest;
    private final List<ServiceRegistration<HealthCheck>> checks = new CopyOnWriteArrayList<>();

    @Activate
    public IngestComponent(
            BundleContext context, Config config, @Reference DeviceRegistry registry) {
        Path data = RuntimeHome.of(context::getProperty).data();
        this.spoolRoot = data.resolve("spool");
        this.config = config;
        this.feed = openFeed(data.resolve("feed"), config);
        this.writer = newWriter(config);
        this.ingest =
                new LiveIngest(
                        Duration.ofSeconds(config.maxFutureSeconds()),
                        Duration.ofDays(config.maxPastDays()),
                        writer,
                        registry,
                        Clock.systemUTC(),
                        ListenerQueue.DEFAULT_CAPACITY);
        checks.add(
                context.registerService(
                        HealthCheck.class,
                        new IngestHealthCheck(ingest, registry, feed),
                        named(PID + ".health")));
        checks.add(
                context.registerService(
                        HealthCheck.class,
                        new StorageHealthCheck(() -> writer),
                        named(PID + ".storage.health")));
    }

    private StorageWriter newWriter(Config settings) {
        return new StorageWriter(
                spoolRoot,
                settings.bufferSamples(),
                settings.batchSamples(),
                settings.journalSync(),
                settings.writerThreads(),
                settings.spoolQuotaMegabytes() * 1024 * 1024,
                feed);
    }

    private static SampleFeed openFeed(Path directory, Config config) {
        try {
            return new SampleFeed(
                    directory, config.journalSync(), config.feedQuotaMegabytes() * 1024 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the sample feed in " + directory, e);
        }
    }

    /**
     * A new configuration, applied without unregistering the service (producers and REST resources
     * stay bound): the window and the quota at once; buffer, batch, threads or journal fsync by
     * draining the writer (written or spooled) and starting a new one, during which producers are
     * told to retry.
     */
    @Modified
    synchronized void modified(Config next) throws InterruptedException {
        ingest.window(
                Duration.ofSeconds(next.maxFutureSeconds()), Duration.ofDays(next.maxPastDays()));
        Config previous = config;
        config = next;
        if (previous.bufferSamples() == next.bufferSamples()
                && previous.batchSamples() == next.batchSamples()
                && previous.writerThreads() == next.writerThreads()
                && previous.journalSync() == next.journalSync()) {
            writer.spoolQuota(next.spoolQuotaMegabytes() * 1024 * 1024);
            feed.quota(next.feedQuotaMegabytes() * 1024 * 1024);
            return;
        }
        feed.quota(next.feedQuotaMegabytes() * 1024 * 1024);
        writer.deactivate();
        StorageWriter replacement = newWriter(next);
        stores.forEach(replacement::addStore);
        writer = replacement;
        ingest.useWriter(replacement);
    }

    /** The name the plugin registry lists the check under (part of this component). */
    private static Dictionary<String, Object> named(String name) {
        return FrameworkUtil.asDictionary(Map.<String, Object>of("component.name", name));
    }

    @Override
    public IngestResult ingest(SampleBatch batch, Duration maxWait) throws InterruptedException {
        return ingest.ingest(batch, maxWait);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addStore(TimeSeriesStore store) {
        stores.add(store);
        writer.addStore(store);
    }

    synchronized void removeStore(TimeSeriesStore store) {
        stores.remove(store);
        writer.removeStore(store);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(SampleListener listener) {
        ingest.addListener(listener);
    }

    void removeListener(SampleListener listener) {
        ingest.removeListener(listener);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConsumer(DurableSampleConsumer consumer, Map<String, Object> properties) {
        feed.add(consumer, properties.get(DurableSampleConsumer.ID_PROPERTY));
    }

    void removeConsumer(DurableSampleConsumer consumer) throws InterruptedException {
        feed.remove(consumer);
    }

    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        for (ServiceRegistration<HealthCheck> check : checks) {
            try {
                check.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        ingest.close();
        writer.deactivate();
        try {
            feed.close();
        } catch (IOException e) {
            LoggerFactory.getLogger(IngestComponent.class)
                    .warn("cannot close the sample feed: {}", e.toString());
        }
    }
}
