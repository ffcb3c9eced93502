package io.armature.api.sample;

import java.time.Duration;
import java.util.List;

/**
 * The answer of {@link IngestService#ingest}: what was accepted, what was rejected and why, and
 * whether the caller must retry the not-yet-accepted rest later.
 *
 * <p>Accepted samples are durable from the caller's point of view: Armature stores them (or spools
 * them to disk while storage is unreachable) and never drops them. Rejected samples are never
 * stored; each rejection says why. When {@link #retryAfter()} is non-null the service was saturated
 * and accepted nothing of the batch beyond {@link #accepted()} samples: the caller should wait that
 * long and offer the remaining samples again.
 *
 * @param accepted number of samples accepted
 * @param rejections the samples refused, with reasons
 * @param retryAfter null when the whole batch was handled; otherwise how long to back off
 */
public record IngestResult(int accepted, List<Rejection> rejections, Duration retryAfter) {
    public IngestResult {
        rejections = List.copyOf(rejections);
    }

    /** Number of samples rejected. */
    public int rejected() {
        return rejections.size();
    }

    /** True when the service asks the caller to retry later (backpressure). */
    public boolean mustRetry() {
        return retryAfter != null;
    }
}
