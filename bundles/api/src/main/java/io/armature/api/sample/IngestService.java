package io.armature.api.sample;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The entry point every producer of samples (drivers, REST, simulators) pushes into. Provided by
 * the Armature core as an OSGi service.
 *
 * <p><b>Backpressure.</b> The service buffers a bounded number of samples in memory. When that
 * buffer is full, {@code ingest} blocks the calling thread for at most {@code maxWait}; if space
 * does not free up in time, it returns an {@link IngestResult} with {@link
 * IngestResult#retryAfter()} set and the count of samples it did take. It never drops a sample
 * silently.
 *
 * <p><b>Nothing is acknowledged that could not be kept.</b> Ingest also refuses the valid samples
 * (with {@code retryAfter} set and {@link IngestResult#retryReason()} saying why) while no storage
 * backend is known ({@link IngestResult#NO_STORAGE_BACKEND}: a profile without storage accepts no
 * samples), while a backend's spool on disk is at its quota ({@link
 * IngestResult#SPOOL_QUOTA_EXCEEDED}) and while the ingest journal cannot be written ({@link
 * IngestResult#JOURNAL_UNWRITABLE}). A backend that is known but unreachable or briefly away does
 * not cause a refusal: its samples are spooled to disk and written when it is back.
 *
 * <p>Once {@code ingest} has counted a sample as accepted, nothing after that point throws to the
 * caller: the live stream to {@link SampleListener}s is fed afterwards and its failures are
 * contained.
 *
 * <p><b>Validation.</b> Invalid samples (non-finite value, malformed identifier, time out of the
 * accepted window, unknown device under a reject policy) are rejected one by one; the valid samples
 * of the same batch are kept.
 *
 * <p>Thread-safe; may be called from any thread, including driver I/O threads (with a small {@code
 * maxWait}).
 */
@ProviderType
public interface IngestService {
    /**
     * Validates and accepts a batch.
     *
     * @param batch the samples to store
     * @param maxWait how long the caller accepts to be blocked by a full buffer; zero never blocks
     * @return what was accepted and rejected, and whether to retry the rest
     * @throws InterruptedException if the calling thread is interrupted while blocked
     */
    IngestResult ingest(SampleBatch batch, Duration maxWait) throws InterruptedException;
}
