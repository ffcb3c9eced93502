package io.armature.api.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A page of raw samples of one series in {@code [from, to)}, oldest first.
 *
 * @param series the series
 * @param from inclusive start, UTC
 * @param to exclusive end, UTC
 * @param limit maximum samples in the page, at least 1
 * @param cursor opaque cursor from a previous {@link RawPage#nextCursor()}, or null for the first
 *     page
 */
public record RawQuery(SeriesKey series, Instant from, Instant to, int limit, String cursor) {
    public RawQuery {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
