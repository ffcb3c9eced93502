package io.armature.ingest.internal.writer;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.storage.Bucket;
import io.armature.api.storage.BucketQuery;
import io.armature.api.storage.RawPage;
import io.armature.api.storage.RawQuery;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A storage backend in memory that a test can take down, bring back and stall. */
final class MemoryStore implements TimeSeriesStore {
    final List<Sample> stored = new CopyOnWriteArrayList<>();
    volatile boolean down;
    volatile CountDownLatch stall = new CountDownLatch(0);

    /** Counted down when a write has begun (and may be stalled). */
    final CountDownLatch writing = new CountDownLatch(1);

    /**
     * Store the next batch, then report the connection lost, as a commit whose answer never came.
     */
    volatile boolean loseNextAcknowledgement;

    final java.util.Set<java.util.UUID> applied =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final String id;

    MemoryStore() {
        this("memory");
    }

    MemoryStore(String id) {
        this.id = id;
    }

    @Override
    public void write(SampleBatch batch, java.util.UUID id) throws StorageUnavailableException {
        if (applied.contains(id)) {
            return;
        }
        write(batch);
        applied.add(id);
        if (loseNextAcknowledgement) {
            loseNextAcknowledgement = false;
            throw new StorageUnavailableException("connection reset during commit", null);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void write(SampleBatch batch) throws StorageUnavailableException {
        writing.countDown();
        try {
            stall.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (down) {
            throw new StorageUnavailableException("connection refused", null);
        }
        stored.addAll(batch.samples());
    }

    @Override
    public RawPage raw(RawQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Bucket> buckets(BucketQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, RawPage.Point> latest(String tenant, String device) {
        throw new UnsupportedOperationException();
    }
}
