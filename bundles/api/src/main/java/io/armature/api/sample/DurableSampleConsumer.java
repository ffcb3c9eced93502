package io.armature.api.sample;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A consumer that sees <b>every</b> accepted sample, in acceptance order, from the durable sample
 * feed of ingest (alert rules, online ML detectors). Register an implementation as an OSGi service
 * with the service property {@value #ID_PROPERTY} naming it: the feed keeps a position per id.
 *
 * <p>Ingest appends every accepted batch to the feed (on disk, before the producer is told it was
 * accepted) while at least one durable consumer is registered or has a position on disk. A delivery
 * thread of its own calls {@link #onSamples} with the next accepted samples (consecutive feed
 * records joined, up to about 10,000 samples per call). When the call returns, the consumer is past
 * {@link FeedBatch#last()}; the feed records that within about 200 ms and keeps the records no
 * consumer has passed yet. A slow consumer lags (reported per consumer in {@code /health} under
 * {@code ingest.details.durable_consumers}) instead of missing samples; an exception thrown makes
 * the feed deliver the same batch again after a backoff (1 s doubling to 30 s). Only when the feed
 * reaches its disk quota ({@code feedQuotaMegabytes} of {@code io.armature.ingest}) are the oldest
 * records dropped, counted as {@code missed_samples} of the consumers that had not passed them.
 *
 * <p>After a restart delivery resumes after the position the feed recorded, or after {@link
 * #resumeAfter()} when that is further: a consumer that keeps its own position durably (with the
 * effects of the samples, in one transaction) sees each sample's effect exactly once; one that does
 * not may see the last ~200 ms before a crash again.
 */
@ConsumerType
public interface DurableSampleConsumer {
    /** The service property with the consumer's stable id ({@code [A-Za-z0-9_.-]{1,64}}). */
    String ID_PROPERTY = "armature.consumer.id";

    /**
     * Where this consumer has durably got to, asked once when delivery starts; null when it keeps
     * no position of its own (the feed's recorded position is used). A position of another feed
     * (the feed directory was replaced) is ignored.
     */
    default FeedPosition resumeAfter() {
        return null;
    }

    /**
     * Receives the next accepted samples; the next call carries the records after {@code
     * batch.last()}. Called on one thread, never concurrently.
     *
     * @throws Exception to have the same batch delivered again after a backoff
     */
    void onSamples(FeedBatch batch) throws Exception;
}
