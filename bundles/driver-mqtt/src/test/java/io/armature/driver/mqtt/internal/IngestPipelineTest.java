package io.armature.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {
    /** A context whose ingest answers as the test's function says and records what it took. */
    private static final class Context implements DriverContext {
        final List<Sample> accepted = new ArrayList<>();
        volatile Function<SampleBatch, IngestResult> answer;

        @Override
        public String driverId() {
            return "io.armature.driver.mqtt~test";
        }

        @Override
        public synchronized IngestResult publish(SampleBatch batch, Duration maxWait) {
            IngestResult result = answer.apply(batch);
            boolean[] handled = IngestPipeline.handled(batch, result);
            boolean[] rejected = new boolean[batch.size()];
            result.rejections().forEach(r -> rejected[r.index()] = true);
            for (int i = 0; i < batch.size(); i++) {
                if (handled[i] && !rejected[i]) {
                    accepted.add(batch.samples().get(i));
                }
            }
            return result;
        }

        @Override
        public void rejected(String reason, long count) {}

        @Override
        public void failed(String reason) {}

        @Override
        public void problem(String message) {}

        @Override
        public void owns(String tenant, String device) {}
    }

    private static Sample sample(int i) {
        return new Sample("t", "d", "m", Instant.ofEpochSecond(i), i);
    }

    @Test
    void messagesAreAcknowledgedInOrderOnlyOnceIngestTookAllTheirSamples() throws Exception {
        Context context = new Context();
        // first call: ingest takes one sample and asks to retry; then everything
        int[] calls = {0};
        context.answer =
                batch ->
                        calls[0]++ == 0
                                ? new IngestResult(
                                        1,
                                        List.of(),
                                        Duration.ofMillis(10),
                                        IngestResult.BUFFER_FULL)
                                : new IngestResult(batch.size(), List.of(), null);
        BlockingQueue<Integer> acks = new LinkedBlockingQueue<>();
        List<Map<String, String>> units = new ArrayList<>();
        IngestPipeline pipeline =
                new IngestPipeline(context, (id, qos) -> acks.add(id), units::add, 10, 100, "test");
        // hold the pipeline until all three are queued, so they form one batch
        context.answer = hold(context.answer);
        pipeline.offer(
                new IngestPipeline.Message(
                        1, 1, List.of(sample(1), sample(2)), Map.of("t/d/m", "kN")));
        pipeline.offer(new IngestPipeline.Message(2, 1, List.of(), Map.of()));
        pipeline.offer(new IngestPipeline.Message(3, 1, List.of(sample(3)), Map.of()));
        release();
        assertEquals(1, acks.poll(10, TimeUnit.SECONDS));
        assertEquals(2, acks.poll(10, TimeUnit.SECONDS));
        assertEquals(3, acks.poll(10, TimeUnit.SECONDS));
        pipeline.stop();
        assertEquals(
                List.of(sample(1), sample(2), sample(3)),
                context.accepted,
                "each sample once, in order");
        assertEquals(List.of(Map.of("t/d/m", "kN")), units, "units of accepted messages only");
    }

    @Test
    void rejectedSamplesCountAsHandledButRetriedOnesDoNot() {
        SampleBatch batch = new SampleBatch(List.of(sample(1), sample(2), sample(3), sample(4)));
        IngestResult result =
                new IngestResult(
                        1,
                        List.of(new Rejection(1, "non_finite_value", "NaN")),
                        Duration.ofSeconds(1));
        boolean[] handled = IngestPipeline.handled(batch, result);
        assertTrue(handled[0]);
        assertTrue(handled[1], "rejected for good");
        assertTrue(!handled[2] && !handled[3], "to be offered again");
    }

    @Test
    void whatIsNotAcknowledgedWhenStoppingStaysUnacknowledged() throws Exception {
        Context context = new Context();
        context.answer =
                batch ->
                        new IngestResult(
                                0,
                                List.of(),
                                Duration.ofSeconds(30),
                                IngestResult.NO_STORAGE_BACKEND);
        BlockingQueue<Integer> acks = new LinkedBlockingQueue<>();
        IngestPipeline pipeline =
                new IngestPipeline(context, (id, qos) -> acks.add(id), u -> {}, 10, 100, "test");
        pipeline.offer(new IngestPipeline.Message(7, 1, List.of(sample(1)), Map.of()));
        pipeline.stop();
        assertTrue(acks.isEmpty(), "the broker delivers message 7 again after the restart");
        assertTrue(context.accepted.isEmpty());
    }

    private final java.util.concurrent.CountDownLatch gate =
            new java.util.concurrent.CountDownLatch(1);

    private Function<SampleBatch, IngestResult> hold(Function<SampleBatch, IngestResult> then) {
        return batch -> {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return then.apply(batch);
        };
    }

    private void release() {
        gate.countDown();
    }
}
