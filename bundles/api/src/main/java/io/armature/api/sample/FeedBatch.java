package io.armature.api.sample;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Consecutive records of the durable sample feed handed to a {@link DurableSampleConsumer} in one
 * call.
 *
 * @param feed the feed's id
 * @param first number of the first record in this batch
 * @param last number of the last record in this batch: where the consumer is after it
 * @param samples the records' samples, in acceptance order
 * @param acceptedAt when the last record was accepted (the consumer's lag is now minus this)
 */
public record FeedBatch(
        String feed, long first, long last, List<Sample> samples, Instant acceptedAt) {
    public FeedBatch {
        Objects.requireNonNull(feed, "feed");
        samples = List.copyOf(samples);
    }

    /** The position after this batch. */
    public FeedPosition position() {
        return new FeedPosition(feed, last);
    }
}
