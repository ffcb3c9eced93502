package io.armature.api.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@link IngestService#ingest}: what was accepted, what was rejected and why, and
 * whether the caller must offer the not-yet-accepted rest again later.
 *
 * <p>Accepted samples are durable from the caller's point of view: Armature stores them (or spools
 * them to disk while storage is unreachable) and never drops them. Rejected samples are never
 * stored; each rejection says why, and offering them again gives the same answer. When {@link
 * #retryAfter()} is non-null the service refused the valid samples after the first {@link
 * #accepted()} for a passing reason ({@link #retryReason()}): the caller should wait that long and
 * offer them again ({@link #unaccepted(SampleBatch)} picks them out of the offered batch).
 *
 * @param accepted number of samples accepted
 * @param rejections the samples refused for good, with reasons
 * @param retryAfter null when the whole batch was handled; otherwise how long to back off
 * @param retryReason null when {@code retryAfter} is null; otherwise why the rest was not taken:
 *     {@link #BUFFER_FULL}, {@link #NO_STORAGE_BACKEND}, {@link #SPOOL_QUOTA_EXCEEDED}, {@link
 *     #JOURNAL_UNWRITABLE} or {@link #STOPPING}
 */
public record IngestResult(
        int accepted, List<Rejection> rejections, Duration retryAfter, String retryReason) {
    /** The in-memory buffer stayed full for the caller's whole {@code maxWait}. */
    public static final String BUFFER_FULL = "buffer_full";

    /**
     * No storage backend is known (none registered and none has a spool from an earlier run):
     * Armature does not acknowledge samples it could not keep.
     */
    public static final String NO_STORAGE_BACKEND = "no_storage_backend";

    /**
     * A backend's spool on disk reached its configured quota; nothing new is taken until it drains.
     */
    public static final String SPOOL_QUOTA_EXCEEDED = "spool_quota_exceeded";

    /** The ingest journal cannot be written (disk full or failing). */
    public static final String JOURNAL_UNWRITABLE = "journal_unwritable";

    /** The ingest service is stopping. */
    public static final String STOPPING = "stopping";

    public IngestResult {
        rejections = List.copyOf(rejections);
        if (retryAfter != null && retryReason == null) {
            retryReason = BUFFER_FULL;
        }
        if (retryAfter == null) {
            retryReason = null;
        }
    }

    /**
     * An answer whose retry reason, when {@code retryAfter} is set, is {@link #BUFFER_FULL}.
     *
     * @param accepted number of samples accepted
     * @param rejections the samples refused for good
     * @param retryAfter null when the whole batch was handled
     */
    public IngestResult(int accepted, List<Rejection> rejections, Duration retryAfter) {
        this(accepted, rejections, retryAfter, null);
    }

    /** Number of samples rejected. */
    public int rejected() {
        return rejections.size();
    }

    /** True when the service asks the caller to offer the rest again later (backpressure). */
    public boolean mustRetry() {
        return retryAfter != null;
    }

    /**
     * The samples of {@code offered} (the batch this answer is for) that were neither accepted nor
     * rejected, in their order: the ones to offer again after {@link #retryAfter()}. Valid samples
     * are taken in order, so these are the valid samples after the first {@link #accepted()}.
     *
     * @param offered the batch passed to {@link IngestService#ingest} that produced this answer
     * @return the samples to offer again; empty when {@link #mustRetry()} is false
     */
    public SampleBatch unaccepted(SampleBatch offered) {
        if (!mustRetry()) {
            return new SampleBatch(List.of());
        }
        boolean[] rejected = new boolean[offered.size()];
        for (Rejection rejection : rejections) {
            if (rejection.index() >= 0 && rejection.index() < rejected.length) {
                rejected[rejection.index()] = true;
            }
        }
        List<Sample> rest = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < offered.size(); i++) {
            if (!rejected[i] && valid++ >= accepted) {
                rest.add(offered.samples().get(i));
            }
        }
        return new SampleBatch(rest);
    }
}
