package io.armature.api.sample;

import java.util.Objects;

/**
 * A place in the durable sample feed: the feed's id (new whenever its directory is created) and a
 * record number (1, 2, ... in acceptance order, continuing across restarts).
 *
 * @param feed the feed's id
 * @param record the number of the last record passed; 0 before the first
 */
public record FeedPosition(String feed, long record) {
    public FeedPosition {
        Objects.requireNonNull(feed, "feed");
    }
}
