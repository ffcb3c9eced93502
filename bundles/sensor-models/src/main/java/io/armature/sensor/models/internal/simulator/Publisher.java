package io.armature.sensor.models.internal.simulator;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes a simulator's samples to ingest: what ingest rejects is final (counted by the
 * supervisor), what it could not take now is kept, in order, and offered again first. Live samples
 * beyond {@value #MAX_PENDING} waiting are dropped oldest first and counted as {@code
 * simulator_backlog} (a simulator produces more data, it does not lose acknowledged data).
 */
final class Publisher {
    static final int MAX_PENDING = 100_000;
    static final int BATCH = 5_000;

    private final DriverContext context;
    private final List<Sample> pending = new ArrayList<>();

    Publisher(DriverContext context) {
        this.context = context;
    }

    /** Adds samples and offers everything waiting once; returns when ingest answered. */
    void offer(List<Sample> samples) throws InterruptedException {
        pending.addAll(samples);
        if (pending.size() > MAX_PENDING) {
            int drop = pending.size() - MAX_PENDING;
            pending.subList(0, drop).clear();
            context.rejected("simulator_backlog", drop);
        }
        while (!pending.isEmpty()) {
            List<Sample> chunk =
                    new ArrayList<>(pending.subList(0, Math.min(BATCH, pending.size())));
            IngestResult result = context.publish(new SampleBatch(chunk), Duration.ofSeconds(1));
            List<Sample> rest = unhandled(chunk, result);
            pending.subList(0, chunk.size()).clear();
            pending.addAll(0, rest);
            if (!rest.isEmpty()) {
                return; // ingest is saturated: the rest waits for the next tick
            }
        }
    }

    /** Publishes every sample, waiting out backpressure (for back-fill). */
    static void publishAll(DriverContext context, List<Sample> samples)
            throws InterruptedException {
        List<Sample> rest = samples;
        while (!rest.isEmpty()) {
            IngestResult result = context.publish(new SampleBatch(rest), Duration.ofSeconds(5));
            List<Sample> unhandled = unhandled(rest, result);
            if (!unhandled.isEmpty()) {
                Duration wait =
                        result.retryAfter() == null ? Duration.ofMillis(200) : result.retryAfter();
                Thread.sleep(wait.toMillis()); // backpressure: the wait ingest asked for
            }
            rest = unhandled;
        }
    }

    /** The samples of the batch neither accepted nor rejected for good, in order. */
    static List<Sample> unhandled(List<Sample> batch, IngestResult result) {
        if (!result.mustRetry()) {
            return List.of();
        }
        Set<Integer> rejected = new HashSet<>();
        for (Rejection rejection : result.rejections()) {
            rejected.add(rejection.index());
        }
        List<Sample> rest = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (!rejected.contains(i) && valid++ >= result.accepted()) {
                rest.add(batch.get(i));
            }
        }
        return rest;
    }
}
