package io.armature.api.storage;

import java.time.Instant;
import java.util.Map;

/**
 * One bucket of a {@link BucketQuery} answer.
 *
 * @param start bucket start (inclusive), UTC
 * @param values value per requested aggregate; absent when the bucket is empty (except COUNT = 0)
 */
public record Bucket(Instant start, Map<Aggregate, Double> values) {
    public Bucket {
        values = Map.copyOf(values);
    }
}
