package io.armature.api.storage;

import io.armature.api.sample.SampleBatch;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A time-series storage backend (PostgreSQL/TimescaleDB, InfluxDB...). Register as an OSGi service,
 * one per configured database. Implementations are thread-safe; the core calls {@link #write} from
 * its writer threads and queries from HTTP threads.
 *
 * <p><b>Errors.</b> {@link StorageUnavailableException} means "try again later" and makes the core
 * spool the batch; any other exception is a bug or a permanent refusal and is reported. A write is
 * atomic: either the whole batch is stored, or none of it.
 */
@ConsumerType
public interface TimeSeriesStore {
    /** Short backend id shown to operators, for example {@code postgres}. */
    String id();

    /**
     * Stores a batch of already validated samples, atomically.
     *
     * @throws StorageUnavailableException when the backend cannot be reached now
     */
    void write(SampleBatch batch) throws StorageUnavailableException;

    /**
     * Stores a batch exactly once: the core gives every batch an id and keeps it when it has to
     * retry the batch (for example after a connection broke during commit, when the backend may or
     * may not have stored it). A backend that records applied ids in the same transaction as the
     * samples skips a batch it already stored. The default ignores the id (at-least-once).
     *
     * @param batch the samples
     * @param batchId unique id of this batch, the same on every retry
     * @throws StorageUnavailableException when the backend cannot be reached now
     */
    default void write(SampleBatch batch, java.util.UUID batchId)
            throws StorageUnavailableException {
        write(batch);
    }

    /** One page of raw samples, see {@link RawQuery}. */
    RawPage raw(RawQuery query) throws StorageUnavailableException;

    /**
     * Bucketed aggregates, see {@link BucketQuery}; one bucket per width step, empty ones included.
     */
    List<Bucket> buckets(BucketQuery query) throws StorageUnavailableException;

    /**
     * Deletes all stored samples of a device (the device was removed from the registry). The
     * default does nothing.
     *
     * @throws StorageUnavailableException when the backend cannot be reached now
     */
    default void deleteDevice(String tenant, String device) throws StorageUnavailableException {}

    /**
     * Deletes everything stored for a tenant. The default does nothing.
     *
     * @throws StorageUnavailableException when the backend cannot be reached now
     */
    default void deleteTenant(String tenant) throws StorageUnavailableException {}

    /**
     * Retention: drops raw samples of a tenant older than {@code cutoff}. A backend may keep
     * samples somewhat older than the cutoff (it drops whole partitions) but never drops newer
     * ones. The default does nothing.
     *
     * @return how many partitions (or comparable units) were dropped
     * @throws StorageUnavailableException when the backend cannot be reached now
     */
    default int dropBefore(String tenant, java.time.Instant cutoff)
            throws StorageUnavailableException {
        return 0;
    }

    /** The latest point of every metric of a device: metric id to point. */
    Map<String, RawPage.Point> latest(String tenant, String device)
            throws StorageUnavailableException;
}
