package io.armature.ingest.internal.writer;

import io.armature.api.sample.SampleBatch;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of batches to one storage backend: written directly while the backend answers and
 * nothing is spooled; otherwise appended to the backend's spool, which is replayed oldest first, so
 * the backend sees batches in acceptance order (with one writer thread; with several, batches
 * written directly may overtake each other, which time-stamped samples do not mind). Thread-safe.
 */
final class StoreChannel {
    private static final Logger LOG = LoggerFactory.getLogger(StoreChannel.class);
    private final String storeId;
    private final Spool spool;
    private volatile TimeSeriesStore store;
    private volatile boolean reportedDown;

    StoreChannel(TimeSeriesStore store, Path spoolDirectory) {
        this(store.id(), spoolDirectory);
        this.store = store;
    }

    /** A channel whose backend has not registered (yet): everything is spooled. */
    StoreChannel(String storeId, Path spoolDirectory) {
        this.storeId = storeId;
        this.spool = new Spool(spoolDirectory);
    }

    String storeId() {
        return storeId;
    }

    /** Connects the backend; spooled batches are replayed on the next round. */
    void attach(TimeSeriesStore backend) {
        this.store = backend;
    }

    /**
     * The backend went away: spool until it comes back. The spool is bounded by the writer's quota,
     * not by time: a backend that is known is never silently given up.
     */
    void detach() {
        this.store = null;
    }

    /** Bytes in this backend's spool. */
    long spooledBytes() {
        return spool.bytes();
    }

    boolean isAttached() {
        return store != null;
    }

    /** Stores a batch, or spools it when the backend cannot take it now. */
    void deliver(SampleBatch batch, java.util.UUID id) throws IOException {
        if (spool.isEmpty() && write(id, batch)) {
            return;
        }
        spool.append(id, batch);
    }

    /**
     * Replays spooled batches oldest first until the spool is empty or the backend fails again.
     *
     * @return true when the spool is empty afterwards
     */
    boolean replay() throws IOException {
        Optional<Spool.Segment> segment;
        while ((segment = spool.oldest()).isPresent()) {
            if (!write(segment.get().id(), segment.get().batch())) {
                return false;
            }
            spool.remove(segment.get());
        }
        return true;
    }

    boolean hasBacklog() {
        return !spool.isEmpty();
    }

    Spool.Stats stats() {
        return spool.stats();
    }

    private boolean write(java.util.UUID id, SampleBatch batch) {
        TimeSeriesStore store = this.store;
        if (store == null) {
            return false;
        }
        try {
            store.write(batch, id);
            if (reportedDown) {
                LOG.info("storage {} is back", storeId);
                reportedDown = false;
            }
            return true;
        } catch (StorageUnavailableException e) {
            reportDown(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // a bug or a refusal of the backend must not lose acknowledged samples either
            LOG.error(
                    "storage {} failed to write a batch of {}; spooling it",
                    store.id(),
                    batch.size(),
                    e);
            reportDown(e.toString());
            return false;
        }
    }

    private void reportDown(String reason) {
        if (!reportedDown) {
            LOG.warn("storage {} unavailable, spooling to disk: {}", storeId, reason);
            reportedDown = true;
        }
    }
}
