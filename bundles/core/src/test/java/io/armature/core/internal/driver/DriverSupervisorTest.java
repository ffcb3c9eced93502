package io.armature.core.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverStatus;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class DriverSupervisorTest {
    private final List<SampleBatch> ingested = new CopyOnWriteArrayList<>();
    private final IngestService ingest =
            (batch, maxWait) -> {
                ingested.add(batch);
                return new IngestResult(batch.size(), List.of(), null);
            };

    /** Fails {@code failures} times, then publishes one sample and runs. */
    private static final class FlakyDriver implements ProtocolDriver {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final int failures;

        FlakyDriver(int failures) {
            this.failures = failures;
        }

        @Override
        public void start(DriverContext context) throws Exception {
            if (starts.incrementAndGet() <= failures) {
                throw new IllegalStateException(
                        "broker unreachable (attempt " + starts.get() + ")");
            }
            context.publish(
                    SampleBatch.of(new Sample("t", "d", "m", Instant.EPOCH, 1)), Duration.ZERO);
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void failingStartIsReportedRetriedWithBackoffAndThenRuns() throws Exception {
        DriverSupervisor supervisor = new DriverSupervisor(() -> ingest, Duration.ofMillis(20));
        FlakyDriver driver = new FlakyDriver(2);
        supervisor.addDriver(driver, Map.of("service.id", 7L, "service.pid", "mqtt~line-1"));
        await(() -> supervisor.status(7).map(e -> e.status() == DriverStatus.FAILED).orElse(false));
        assertTrue(supervisor.status(7).orElseThrow().message().contains("broker unreachable"));
        await(
                () ->
                        supervisor
                                .status(7)
                                .map(e -> e.status() == DriverStatus.RUNNING)
                                .orElse(false));
        assertEquals(3, driver.starts.get());
        assertEquals(1, ingested.size(), "the context publishes into ingest");
        assertEquals("mqtt~line-1", supervisor.driverId(7).orElseThrow());

        supervisor.removeDriver(driver, Map.of("service.id", 7L));
        await(() -> driver.stops.get() == 1);
        await(() -> supervisor.status(7).isEmpty());
        supervisor.close();
    }

    @Test
    void aDriverRemovedWhileFailingIsNeverStartedAgain() throws Exception {
        DriverSupervisor supervisor = new DriverSupervisor(() -> ingest, Duration.ofMillis(200));
        FlakyDriver driver = new FlakyDriver(Integer.MAX_VALUE);
        supervisor.addDriver(driver, Map.of("service.id", 8L));
        await(() -> driver.starts.get() == 1);
        supervisor.removeDriver(driver, Map.of("service.id", 8L));
        // the retry that was due comes, sees the driver removed and gives up
        await(() -> supervisor.abandonedRetries() == 1);
        assertEquals(1, driver.starts.get());
        assertEquals(0, driver.stops.get(), "stop is only called on a driver that started");
        supervisor.close();
    }

    @Test
    void whileIngestIsAbsentDriversAreToldToRetryAndKeepRunning() throws Exception {
        java.util.concurrent.atomic.AtomicReference<IngestService> current =
                new java.util.concurrent.atomic.AtomicReference<>();
        DriverSupervisor supervisor = new DriverSupervisor(current::get, Duration.ofMillis(20));
        List<IngestResult> results = new CopyOnWriteArrayList<>();
        ProtocolDriver driver =
                new ProtocolDriver() {
                    @Override
                    public void start(DriverContext context) throws Exception {
                        results.add(
                                context.publish(
                                        SampleBatch.of(new Sample("t", "d", "m", Instant.EPOCH, 1)),
                                        Duration.ZERO));
                    }

                    @Override
                    public void stop() {}
                };
        supervisor.addDriver(driver, Map.of("service.id", 9L));
        await(() -> results.size() == 1);
        assertEquals(IngestResult.STOPPING, results.get(0).retryReason());
        assertEquals(
                1,
                results.get(0)
                        .unaccepted(SampleBatch.of(new Sample("t", "d", "m", Instant.EPOCH, 1)))
                        .size());
        await(
                () ->
                        supervisor
                                .status(9)
                                .map(e -> e.status() == DriverStatus.RUNNING)
                                .orElse(false));
        supervisor.close();
    }
}
