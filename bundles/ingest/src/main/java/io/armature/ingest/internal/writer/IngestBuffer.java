package io.armature.ingest.internal.writer;

import io.armature.api.sample.SampleBatch;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Accepted samples between the producers and the writer threads: a bounded buffer (the ingest
 * backpressure) backed by the {@link Journal} (and, in the same step, the durable sample feed), so
 * that what was acknowledged survives a crash. Writers take contiguous groups of queued batches and
 * report them grouped and done. Thread-safe.
 */
final class IngestBuffer {
    /** Consecutive queued batches taken together for one write. */
    record Group(long first, long last, List<SampleBatch> batches, int size) {}

    private record Queued(long seq, SampleBatch batch) {}

    private final int capacitySamples;
    private final int groupSamples;
    private final Semaphore capacity;
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Journal journal;
    private final AcceptedLog feed;
    private final Object takeLock = new Object();

    IngestBuffer(Journal journal, AcceptedLog feed, int capacitySamples, int groupSamples) {
        this.journal = journal;
        this.feed = feed;
        this.capacitySamples = capacitySamples;
        this.groupSamples = groupSamples;
        this.capacity = new Semaphore(capacitySamples);
    }

    /**
     * Journals and queues a batch, waiting at most {@code maxWait} for space.
     *
     * @return false when the buffer stayed full: nothing was taken
     * @throws IOException when the journal cannot be written: nothing was taken
     */
    boolean offer(SampleBatch batch, Duration maxWait) throws InterruptedException, IOException {
        byte[] journaled = Journal.encode(batch);
        if (!capacity.tryAcquire(batch.size(), maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            synchronized (journal) {
                // the feed first: a sample the journal then refuses was only seen, never lost
                feed.append(journaled, batch.size());
                queue.add(new Queued(journal.append(journaled), batch));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            capacity.release(batch.size());
            throw e;
        }
    }

    /**
     * Consecutive queued batches up to the group size, taken under a lock so that each group is a
     * contiguous range of the journal; null when nothing came within {@code wait}.
     */
    Group take(Duration wait) throws InterruptedException {
        synchronized (takeLock) {
            Queued first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (first == null) {
                return null;
            }
            List<SampleBatch> batches = new ArrayList<>();
            batches.add(first.batch());
            int size = first.batch().size();
            long last = first.seq();
            Queued next;
            while (size < groupSamples
                    && (next = queue.peek()) != null
                    && size + next.batch().size() <= groupSamples) {
                queue.poll();
                batches.add(next.batch());
                size += next.batch().size();
                last = next.seq();
            }
            return new Group(first.seq(), last, batches, size);
        }
    }

    /** Records which batch id the group is written under, before it is written. */
    void grouped(Group group, UUID id) throws IOException {
        journal.grouped(group.first(), group.last(), id);
    }

    /** The group is stored or spooled: its journal entries and buffer space are freed. */
    void done(Group group) throws IOException {
        try {
            journal.done(group.first());
        } finally {
            capacity.release(group.size());
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int queuedBatches() {
        return queue.size();
    }

    /** Samples waiting in memory. */
    long buffered() {
        return capacitySamples - capacity.availablePermits();
    }

    long journalBytes() {
        return journal.size();
    }
}
