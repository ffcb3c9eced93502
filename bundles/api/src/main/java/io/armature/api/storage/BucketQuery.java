package io.armature.api.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Aggregates of one series over fixed-width buckets aligned to the Unix epoch, covering {@code
 * [from, to)}. Empty buckets are returned with {@code COUNT} 0 and no other values.
 *
 * @param series the series
 * @param from inclusive start, UTC
 * @param to exclusive end, UTC
 * @param width bucket width, positive
 * @param aggregates the functions to compute, at least one
 */
public record BucketQuery(
        SeriesKey series, Instant from, Instant to, Duration width, Set<Aggregate> aggregates) {
    public BucketQuery {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (width == null || width.isZero() || width.isNegative()) {
            throw new IllegalArgumentException("bucket width must be positive");
        }
        aggregates = Set.copyOf(aggregates);
        if (aggregates.isEmpty()) {
            throw new IllegalArgumentException("at least one aggregate is required");
        }
    }
}
