package io.armature.api.storage;

import java.time.Instant;
import java.util.List;

/**
 * One page of raw samples. A page is never silently truncated: when more samples exist in the
 * range, {@link #nextCursor()} is non-null.
 *
 * @param points time/value pairs, oldest first
 * @param nextCursor cursor of the next page, null when the range is exhausted
 */
public record RawPage(List<Point> points, String nextCursor) {
    public RawPage {
        points = List.copyOf(points);
    }

    /**
     * One stored value.
     *
     * @param time measurement time, UTC
     * @param value the value
     */
    public record Point(Instant time, double value) {}
}
