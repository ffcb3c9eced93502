package io.armature.core.internal.storage;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.storage.TimeSeriesStore;
import io.armature.core.internal.feature.RuntimeHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves accepted samples to every storage backend: a bounded buffer (the ingest backpressure), one
 * writer thread that merges queued batches into large writes, and per backend a spool on disk for
 * the time the backend is unreachable, replayed in order when it returns. Stopping the component
 * drains the buffer (written or spooled), so a clean restart loses nothing.
 */
@Component(service = StorageWriter.class)
@Designate(ocd = StorageWriter.Config.class)
public final class StorageWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StorageWriter.class);
    private static final long REPLAY_INTERVAL_MS = 1_000;

    /**
     * How long samples are spooled for a backend that is known (from an earlier run's spool
     * directory, or because it was registered) but not registered now, before it counts as gone.
     */
    private static final long OFFLINE_GRACE_MS = 120_000;

    @ObjectClassDefinition(
            name = "Armature storage writer",
            description = "Buffering and batching of samples to storage backends")
    public @interface Config {
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
    }

    private final Path spoolRoot;
    private final int batchSamples;
    private final Journal journal;
    private final IngestBuffer buffer;

    /** Channels by backend id; a channel without backend spools until its backend registers. */
    private final Map<String, StoreChannel> channels = new ConcurrentHashMap<>();

    private final List<Thread> writers;
    private final java.util.concurrent.atomic.AtomicBoolean replaying =
            new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean running = true;
    private volatile long nextReplay;

    @Activate
    public StorageWriter(BundleContext context, Config config) {
        this(
                RuntimeHome.of(context::getProperty).data().resolve("spool"),
                config.bufferSamples(),
                config.batchSamples(),
                config.journalSync(),
                config.writerThreads());
    }

    /** One writer thread, no fsync per batch: batches reach backends in acceptance order. */
    public StorageWriter(Path spoolRoot, int bufferSamples, int batchSamples) {
        this(spoolRoot, bufferSamples, batchSamples, false, 1);
    }

    public StorageWriter(
            Path spoolRoot,
            int bufferSamples,
            int batchSamples,
            boolean journalSync,
            int writerThreads) {
        this.spoolRoot = spoolRoot;
        this.batchSamples = batchSamples;
        this.journal = new Journal(spoolRoot.resolve(".journal"), journalSync);
        this.buffer = new IngestBuffer(journal, bufferSamples, batchSamples);
        adoptSpools();
        recoverJournal();
        this.writers = new ArrayList<>();
        for (int i = 0; i < writerThreads; i++) {
            Thread writer = new Thread(this::run, "armature-storage-writer-" + (i + 1));
            writers.add(writer);
            writer.start();
        }
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addStore(TimeSeriesStore store) {
        String key = directoryName(store.id());
        StoreChannel offline = channels.get(key);
        if (offline != null && !offline.isAttached()) {
            offline.attach(store);
        } else {
            channels.put(
                    store.id(),
                    new StoreChannel(store, spoolRoot.resolve(directoryName(store.id()))));
        }
        nextReplay = 0;
    }

    /**
     * Keeps the channel, detached: batches still queued (at shutdown the backend often goes before
     * the writer has drained) and batches arriving while the backend is briefly away (bundle
     * update, reconfiguration) are spooled, not dropped.
     */
    public void removeStore(TimeSeriesStore store) {
        StoreChannel channel = channels.get(directoryName(store.id()));
        if (channel != null) {
            channel.detach();
        }
    }

    /**
     * Backends known from spool directories of an earlier run get a channel before they register.
     */
    private void adoptSpools() {
        if (!Files.isDirectory(spoolRoot)) {
            return;
        }
        try (var directories = Files.list(spoolRoot)) {
            directories
                    .filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .forEach(
                            dir -> {
                                String id = dir.getFileName().toString();
                                channels.putIfAbsent(id, new StoreChannel(id, dir));
                            });
        } catch (IOException e) {
            LOG.error("cannot read spool directory {}: {}", spoolRoot, e.toString());
        }
    }

    /** Largest batch {@link #offer} takes in one call. */
    public int maxBatch() {
        return batchSamples;
    }

    /**
     * Queues accepted samples for storage, waiting at most {@code maxWait} for buffer space.
     *
     * @return false when the buffer stayed full: nothing of the batch was taken
     * @throws IllegalArgumentException for a batch larger than {@link #maxBatch()}
     */
    public boolean offer(SampleBatch batch, Duration maxWait) throws InterruptedException {
        if (batch.size() > batchSamples) {
            throw new IllegalArgumentException(
                    "batch of " + batch.size() + " exceeds " + batchSamples);
        }
        try {
            return running && buffer.offer(batch, maxWait);
        } catch (IOException e) {
            LOG.error("cannot write the ingest journal; refusing samples: {}", e.toString());
            return false;
        }
    }

    /**
     * Delivers what a crashed run had accepted but not stored or spooled, before anything new,
     * under the batch ids it had (a backend that stored a batch already skips it).
     */
    private void recoverJournal() {
        try {
            Journal.Recovery recovery = journal.recover();
            if (!recovery.pending().isEmpty()) {
                long samples = 0;
                boolean delivered = true;
                for (Journal.Pending pending : recovery.pending()) {
                    SampleBatch batch = merge(pending.batches());
                    samples += batch.size();
                    delivered &=
                            deliverToChannels(
                                    batch, pending.id() == null ? UUID.randomUUID() : pending.id());
                }
                if (!delivered) {
                    LOG.error(
                            "part of the recovered samples could be neither stored nor spooled;"
                                    + " the journal is kept in {}",
                            journal.setAside());
                }
                LOG.warn(
                        "recovered {} samples accepted before the runtime stopped abnormally;"
                                + " stored or spooled again",
                        samples);
            }
            journal.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot recover the ingest journal", e);
        }
    }

    /** Bytes of the ingest journal (accepted samples not yet stored or spooled). */
    public long journalBytes() {
        return buffer.journalBytes();
    }

    /** Samples waiting in memory. */
    public long buffered() {
        return buffer.buffered();
    }

    /** Spool figures per backend id. */
    public Map<String, Spool.Stats> spools() {
        Map<String, Spool.Stats> result = new java.util.TreeMap<>();
        channels.values().forEach(c -> result.put(c.storeId(), c.stats()));
        return result;
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        // no interrupt: it would close the spool's file channel in the middle of a write
        running = false;
        long deadline = System.currentTimeMillis() + 30_000;
        boolean alive = false;
        for (Thread writer : writers) {
            writer.join(Math.max(1, deadline - System.currentTimeMillis()));
            alive |= writer.isAlive();
        }
        try {
            if (alive) {
                LOG.error(
                        "storage writer did not finish within 30 s; {} batches still queued (kept"
                                + " in the journal for the next start)",
                        buffer.queuedBatches());
                journal.close();
            } else {
                journal.deleteAll(); // everything was stored or spooled
            }
        } catch (IOException e) {
            LOG.warn("cannot close the ingest journal: {}", e.toString());
        }
    }

    private void run() {
        while (running || !buffer.isEmpty()) {
            try {
                IngestBuffer.Group group =
                        buffer.take(running ? Duration.ofMillis(100) : Duration.ZERO);
                if (group != null) {
                    deliver(group);
                }
                replayIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.error(
                        "storage writer interrupted with {} batches queued",
                        buffer.queuedBatches());
                return;
            }
        }
    }

    private void deliver(IngestBuffer.Group group) {
        UUID id = UUID.randomUUID();
        try {
            buffer.grouped(group, id);
        } catch (IOException e) {
            // still delivered: only the crash recovery of this group loses its exactly-once id
            LOG.error("ingest journal write failed: {}", e.toString());
        }
        deliverToChannels(merge(group.batches()), id);
        try {
            buffer.done(group);
        } catch (IOException e) {
            LOG.error("ingest journal write failed: {}", e.toString());
        }
    }

    /** Stores or spools the batch for every backend; false when one could do neither. */
    private boolean deliverToChannels(SampleBatch batch, UUID id) {
        boolean all = true;
        for (StoreChannel channel : channels.values()) {
            try {
                channel.deliver(batch, id);
            } catch (IOException | RuntimeException e) {
                all = false;
                // the writer thread must survive anything one channel does
                LOG.error(
                        "could not spool {} samples for {}: {}",
                        batch.size(),
                        channel.storeId(),
                        e.toString(),
                        e);
            }
        }
        return all;
    }

    private void replayIfDue() {
        long now = System.currentTimeMillis();
        channels.values()
                .removeIf(
                        c -> {
                            if (c.offlineFor(now) > OFFLINE_GRACE_MS) {
                                LOG.warn(
                                        "storage {} has been away for {} s; its spool is kept but no longer fed",
                                        c.storeId(),
                                        OFFLINE_GRACE_MS / 1000);
                                return true;
                            }
                            return false;
                        });
        if (now < nextReplay || !replaying.compareAndSet(false, true)) {
            return; // one writer replays at a time, oldest spooled batch first
        }
        try {
            nextReplay = now + REPLAY_INTERVAL_MS;
            for (StoreChannel channel : channels.values()) {
                if (channel.hasBacklog()) {
                    try {
                        channel.replay();
                    } catch (IOException | RuntimeException e) {
                        LOG.error(
                                "spool replay for {} failed: {}",
                                channel.storeId(),
                                e.toString(),
                                e);
                    }
                }
            }
        } finally {
            replaying.set(false);
        }
    }

    private static SampleBatch merge(List<SampleBatch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        List<Sample> samples = new ArrayList<>();
        batches.forEach(b -> samples.addAll(b.samples()));
        return new SampleBatch(samples);
    }

    private static String directoryName(String storeId) {
        return storeId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
