package io.armature.ingest.internal.writer;

import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.storage.TimeSeriesStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves accepted samples to every storage backend: a bounded buffer (the ingest backpressure), one
 * writer thread that merges queued batches into large writes, and per backend a spool on disk for
 * the time the backend is unreachable, replayed in order when it returns. Stopping the component
 * drains the buffer (written or spooled), so a clean restart loses nothing. Created and stopped by
 * {@link io.armature.ingest.internal.IngestComponent}, which passes backends in and out.
 */
public final class StorageWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StorageWriter.class);

    /** What {@link #offer} did with a batch, with the retry reason the producer is told. */
    public enum Offer {
        /** Taken: the batch will be stored or spooled. */
        TAKEN(null),
        /** Not taken: the buffer stayed full for the whole wait. */
        BUFFER_FULL(IngestResult.BUFFER_FULL),
        /** Not taken: no storage backend is known. */
        NO_BACKEND(IngestResult.NO_STORAGE_BACKEND),
        /** Not taken: the spool of a backend is at its quota. */
        SPOOL_QUOTA_EXCEEDED(IngestResult.SPOOL_QUOTA_EXCEEDED),
        /** Not taken: the ingest journal cannot be written. */
        JOURNAL_FAILED(IngestResult.JOURNAL_UNWRITABLE),
        /** Not taken: the writer is stopping. */
        STOPPING(IngestResult.STOPPING);

        private final String reason;

        Offer(String reason) {
            this.reason = reason;
        }

        /** The {@link IngestResult#retryReason()} code; null for {@link #TAKEN}. */
        public String reason() {
            return reason;
        }
    }

    private final int batchSamples;
    private final Journal journal;
    private final IngestBuffer buffer;
    private final StoreChannels channels;
    private final List<Thread> writers;
    private volatile boolean running = true;

    /**
     * One writer thread, no fsync per batch, a 1 GB spool quota: batches reach backends in
     * acceptance order.
     */
    public StorageWriter(Path spoolRoot, int bufferSamples, int batchSamples) {
        this(
                spoolRoot,
                bufferSamples,
                batchSamples,
                false,
                1,
                1024L * 1024 * 1024,
                AcceptedLog.NONE);
    }

    public StorageWriter(
            Path spoolRoot,
            int bufferSamples,
            int batchSamples,
            boolean journalSync,
            int writerThreads,
            long spoolQuotaBytes,
            AcceptedLog feed) {
        this.batchSamples = batchSamples;
        this.journal = new Journal(spoolRoot.resolve(".journal"), journalSync);
        this.buffer = new IngestBuffer(journal, feed, bufferSamples, batchSamples);
        this.channels = new StoreChannels(spoolRoot, spoolQuotaBytes);
        recoverJournal();
        this.writers = new ArrayList<>();
        for (int i = 0; i < writerThreads; i++) {
            Thread writer = new Thread(this::run, "armature-storage-writer-" + (i + 1));
            writers.add(writer);
            writer.start();
        }
    }

    /** A backend registered: its spool (if any) is replayed, then it is written directly. */
    public void addStore(TimeSeriesStore store) {
        channels.attach(store);
    }

    /**
     * Keeps the channel, detached: batches still queued (at shutdown the backend often goes before
     * the writer has drained) and batches arriving while the backend is briefly away (bundle
     * update, reconfiguration) are spooled, not dropped.
     */
    public void removeStore(TimeSeriesStore store) {
        channels.detach(store);
    }

    /** Largest batch {@link #offer} takes in one call. */
    public int maxBatch() {
        return batchSamples;
    }

    /**
     * Queues accepted samples for storage, waiting at most {@code maxWait} for buffer space. Only a
     * batch that can be kept is taken: with no backend known, or with a backend's spool at its
     * quota, nothing is taken (samples already taken are delivered all the same).
     *
     * @return {@link Offer#TAKEN}, or why nothing of the batch was taken
     * @throws IllegalArgumentException for a batch larger than {@link #maxBatch()}
     */
    public Offer offer(SampleBatch batch, Duration maxWait) throws InterruptedException {
        if (batch.size() > batchSamples) {
            throw new IllegalArgumentException(
                    "batch of " + batch.size() + " exceeds " + batchSamples);
        }
        if (!running) {
            return Offer.STOPPING;
        }
        if (channels.isEmpty()) {
            return Offer.NO_BACKEND;
        }
        if (channels.anyAtQuota()) {
            return Offer.SPOOL_QUOTA_EXCEEDED;
        }
        try {
            return buffer.offer(batch, maxWait) ? Offer.TAKEN : Offer.BUFFER_FULL;
        } catch (IOException e) {
            LOG.error("cannot write the ingest journal; refusing samples: {}", e.toString());
            return Offer.JOURNAL_FAILED;
        }
    }

    /** Sets the spool quota of each backend, effective for the next offer. */
    public void spoolQuota(long bytes) {
        channels.quota(bytes);
    }

    /** Bytes one backend's spool may take before new samples are refused. */
    public long spoolQuotaBytes() {
        return channels.quotaBytes();
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
                            channels.deliver(
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
        return channels.stats();
    }

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
                channels.replayIfDue();
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
        channels.deliver(merge(group.batches()), id);
        try {
            buffer.done(group);
        } catch (IOException e) {
            LOG.error("ingest journal write failed: {}", e.toString());
        }
    }

    /** Replay rounds begun since start (tests wait for rounds instead of sleeping). */
    long replayRounds() {
        return channels.replayRounds();
    }

    private static SampleBatch merge(List<SampleBatch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        List<Sample> samples = new ArrayList<>();
        batches.forEach(b -> samples.addAll(b.samples()));
        return new SampleBatch(samples);
    }
}
