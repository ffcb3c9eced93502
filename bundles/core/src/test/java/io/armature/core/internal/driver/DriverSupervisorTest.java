package io.armature.core.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverInfo;
import io.armature.api.driver.DriverState;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DriverSupervisorTest {
    private final List<SampleBatch> ingested = new CopyOnWriteArrayList<>();
    private final IngestService ingest =
            (batch, maxWait) -> {
                ingested.add(batch);
                List<Rejection> rejections = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    if (Double.isNaN(batch.samples().get(i).value())) {
                        rejections.add(new Rejection(i, "non_finite_value", "NaN"));
                    }
                }
                return new IngestResult(batch.size() - rejections.size(), rejections, null);
            };
    private final AtomicReference<IngestService> currentIngest = new AtomicReference<>(ingest);
    private final DriverSupervisor supervisor =
            new DriverSupervisor(
                    TestConfig.fast(), Clock.systemUTC(), currentIngest::get, () -> null);

    @AfterEach
    void close() throws InterruptedException {
        supervisor.close();
    }

    /** Fails {@code failures} times, then publishes one sample and runs. */
    private static final class FlakyDriver implements ProtocolDriver {
        final List<Long> startNanos = new CopyOnWriteArrayList<>();
        final AtomicInteger stops = new AtomicInteger();
        volatile int failures;
        volatile DriverContext context;

        FlakyDriver(int failures) {
            this.failures = failures;
        }

        @Override
        public void start(DriverContext context) throws Exception {
            startNanos.add(System.nanoTime());
            if (startNanos.size() <= failures) {
                throw new IllegalStateException(
                        "broker unreachable (attempt " + startNanos.size() + ")");
            }
            this.context = context;
            context.publish(
                    SampleBatch.of(
                            new Sample("t", "press-1", "m", Instant.EPOCH, 1),
                            new Sample("t", "press-2", "m", Instant.EPOCH, Double.NaN)),
                    Duration.ZERO);
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + what);
            }
            Thread.sleep(5);
        }
    }

    private DriverInfo info(String id) {
        return supervisor.driver(id).orElseThrow();
    }

    private static Map<String, Object> service(long id, String pid) {
        return Map.of("service.id", id, "service.pid", pid);
    }

    private boolean is(String id, DriverState state) {
        return supervisor.driver(id).map(d -> d.state() == state).orElse(false);
    }

    @Test
    void aFailingStartIsRetriedWithDoublingDelaysAndRecoversWhenTheFaultClears() throws Exception {
        FlakyDriver driver = new FlakyDriver(3);
        supervisor.addDriver(driver, service(7, "mqtt~line-1"));
        await("backoff after the first failure", () -> is("mqtt~line-1", DriverState.BACKOFF));
        DriverInfo backoff = info("mqtt~line-1");
        assertTrue(backoff.lastError().contains("broker unreachable"), backoff.lastError());
        assertNotNull(backoff.nextRetryAt());
        await("running after three failures", () -> is("mqtt~line-1", DriverState.RUNNING));

        List<Long> starts = driver.startNanos;
        assertEquals(4, starts.size());
        for (int k = 0; k < 3; k++) {
            long gapMillis = (starts.get(k + 1) - starts.get(k)) / 1_000_000;
            assertTrue(
                    gapMillis >= 50L << k,
                    "retry " + (k + 1) + " waited " + gapMillis + " ms, at least " + (50L << k));
        }
        DriverInfo running = info("mqtt~line-1");
        assertEquals(3, running.restarts());
        assertEquals(null, running.lastError(), "a clean start clears the last error");
        assertEquals(null, running.nextRetryAt());
        assertEquals(1, running.samplesIn());
        assertEquals(Map.of("non_finite_value", 1L), running.samplesRejected());
        assertEquals(List.of("t/press-1"), running.devices(), "devices of accepted samples only");

        supervisor.removeDriver(driver, service(7, "mqtt~line-1"));
        await("stopped once", () -> driver.stops.get() == 1);
        assertTrue(supervisor.driver("mqtt~line-1").isEmpty());
    }

    @Test
    void aDriverThatReportsFailureIsStoppedAndStartedAgainAfterTheBackoff() throws Exception {
        FlakyDriver driver = new FlakyDriver(0);
        supervisor.addDriver(driver, service(8, "mqtt~line-2"));
        await("running", () -> is("mqtt~line-2", DriverState.RUNNING));
        DriverContext first = driver.context;
        first.failed("connection lost: broker closed the socket");
        assertEquals(DriverState.BACKOFF, info("mqtt~line-2").state());
        assertEquals("connection lost: broker closed the socket", info("mqtt~line-2").lastError());
        await("stopped", () -> driver.stops.get() == 1);
        await(
                "restarted",
                () -> driver.startNanos.size() == 2 && is("mqtt~line-2", DriverState.RUNNING));
        // the first run's context is stale: its reports change nothing
        first.failed("late report of the old connection");
        first.problem("late problem");
        assertEquals(DriverState.RUNNING, info("mqtt~line-2").state());
        assertEquals(null, info("mqtt~line-2").lastError());
        driver.context.problem("2 of 3 presses unreachable");
        assertEquals("2 of 3 presses unreachable", info("mqtt~line-2").lastError());
        assertEquals(DriverState.RUNNING, info("mqtt~line-2").state());
        driver.context.rejected("malformed_json", 3);
        assertEquals(3L, info("mqtt~line-2").samplesRejected().get("malformed_json"));
        assertEquals(1, info("mqtt~line-2").restarts());
    }

    @Test
    void aHangingStartDelaysNoOtherDriverAndIsAbandonedAndRetried() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger hangingStarts = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        ProtocolDriver hanging =
                new ProtocolDriver() {
                    @Override
                    public void start(DriverContext context) throws Exception {
                        hangingStarts.incrementAndGet();
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            interrupted.incrementAndGet();
                            throw e;
                        }
                    }

                    @Override
                    public void stop() {}
                };
        supervisor.addDriver(hanging, service(9, "opcua~plc"));
        await("hanging start entered", () -> hangingStarts.get() == 1);
        FlakyDriver healthy = new FlakyDriver(0);
        supervisor.addDriver(healthy, service(10, "mqtt~line-3"));
        await("the other driver runs", () -> is("mqtt~line-3", DriverState.RUNNING));
        assertEquals(DriverState.STARTING, info("opcua~plc").state(), "still hanging meanwhile");

        await("abandoned", () -> info("opcua~plc").abandonedThreads() == 1);
        assertTrue(info("opcua~plc").lastError().contains("start did not return within 1 s"));
        await("its thread was interrupted", () -> interrupted.get() == 1);
        await("started again on a new thread", () -> hangingStarts.get() == 2);
    }

    @Test
    void aReplacedInstanceIsStoppedBeforeItsSuccessorStarts() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        CountDownLatch slowStop = new CountDownLatch(1);
        ProtocolDriver old =
                new ProtocolDriver() {
                    @Override
                    public void start(DriverContext context) {
                        calls.add("old.start");
                    }

                    @Override
                    public void stop() {
                        try {
                            slowStop.await(
                                    java.util.concurrent.TimeUnit.MILLISECONDS.toMillis(200),
                                    java.util.concurrent.TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        calls.add("old.stop");
                    }
                };
        ProtocolDriver successor =
                new ProtocolDriver() {
                    @Override
                    public void start(DriverContext context) {
                        calls.add("new.start");
                    }

                    @Override
                    public void stop() {}
                };
        supervisor.addDriver(old, service(11, "mqtt~plant"));
        await("old running", () -> is("mqtt~plant", DriverState.RUNNING));
        supervisor.removeDriver(old, service(11, "mqtt~plant"));
        supervisor.addDriver(successor, service(12, "mqtt~plant"));
        await(
                "successor running",
                () -> calls.contains("new.start") && is("mqtt~plant", DriverState.RUNNING));
        assertEquals(List.of("old.start", "old.stop", "new.start"), calls);
    }

    @Test
    void anOperatorRestartStopsAndStartsAtOnce() throws Exception {
        FlakyDriver driver = new FlakyDriver(0);
        supervisor.addDriver(driver, service(13, "mqtt~line-4"));
        await("running", () -> is("mqtt~line-4", DriverState.RUNNING));
        assertTrue(supervisor.restart("mqtt~line-4"));
        await(
                "restarted",
                () -> driver.startNanos.size() == 2 && is("mqtt~line-4", DriverState.RUNNING));
        assertEquals(1, driver.stops.get());
        assertEquals(1, info("mqtt~line-4").restarts());
        assertTrue(!supervisor.restart("no-such-driver"));
    }

    @Test
    void whileIngestIsAbsentDriversAreToldToRetryAndKeepRunning() throws Exception {
        currentIngest.set(null);
        List<IngestResult> results = new CopyOnWriteArrayList<>();
        SampleBatch batch = SampleBatch.of(new Sample("t", "d", "m", Instant.EPOCH, 1));
        ProtocolDriver driver =
                new ProtocolDriver() {
                    @Override
                    public void start(DriverContext context) throws Exception {
                        results.add(context.publish(batch, Duration.ZERO));
                    }

                    @Override
                    public void stop() {}
                };
        supervisor.addDriver(driver, service(14, "sim~a"));
        await("published", () -> results.size() == 1);
        assertEquals(IngestResult.STOPPING, results.get(0).retryReason());
        assertEquals(1, results.get(0).unaccepted(batch).size());
        await("running", () -> is("sim~a", DriverState.RUNNING));
    }
}
