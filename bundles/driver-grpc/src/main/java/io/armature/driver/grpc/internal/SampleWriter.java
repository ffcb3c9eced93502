package io.armature.driver.grpc.internal;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a batch until every sample is accepted or rejected for good: under backpressure it waits
 * ingest's {@code retryAfter} and offers the rest again, blocking the calling (gRPC) thread, so the
 * client's stream is read no faster than ingest takes it. Rejections keep the indices of the
 * original batch.
 */
final class SampleWriter {
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    /** What became of a whole batch. */
    record Outcome(int accepted, List<Rejection> rejections) {}

    private final DriverContext context;

    SampleWriter(DriverContext context) {
        this.context = context;
    }

    Outcome write(List<Sample> samples) throws InterruptedException {
        List<Rejection> rejections = new ArrayList<>();
        int accepted = 0;
        List<Sample> pending = samples;
        List<Integer> indices = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            indices.add(i);
        }
        while (!pending.isEmpty()) {
            SampleBatch batch = new SampleBatch(pending);
            IngestResult result = context.publish(batch, MAX_WAIT);
            accepted += result.accepted();
            boolean[] rejected = new boolean[pending.size()];
            for (Rejection r : result.rejections()) {
                rejected[r.index()] = true;
                rejections.add(new Rejection(indices.get(r.index()), r.reason(), r.message()));
            }
            if (!result.mustRetry()) {
                break;
            }
            List<Sample> rest = new ArrayList<>();
            List<Integer> restIndices = new ArrayList<>();
            int valid = 0;
            for (int i = 0; i < pending.size(); i++) {
                if (!rejected[i] && valid++ >= result.accepted()) {
                    rest.add(pending.get(i));
                    restIndices.add(indices.get(i));
                }
            }
            pending = rest;
            indices = restIndices;
            if (!pending.isEmpty()) {
                Thread.sleep(result.retryAfter().toMillis());
            }
        }
        rejections.sort(java.util.Comparator.comparingInt(Rejection::index));
        return new Outcome(accepted, rejections);
    }
}
