package io.armature.core.internal.driver;

import io.armature.api.driver.DriverStatus;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.sample.IngestService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts every {@link ProtocolDriver} service as it appears and stops it when it goes. A driver
 * whose {@code start} throws is marked FAILED and retried with exponential backoff (1 s doubling to
 * 60 s); a failure never reaches other drivers or the framework.
 */
public final class DriverSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSupervisor.class);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);

    private final Supplier<IngestService> ingest;
    private final Duration firstRetry;
    private final DriverStatusBoard board = new DriverStatusBoard();
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(
                    r -> new Thread(r, "armature-driver-supervisor"));
    private final Map<Long, Supervised> drivers = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong abandonedRetries =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param ingest the ingest service now, or null while there is none (drivers are then told to
     *     retry, not restarted)
     */
    public DriverSupervisor(Supplier<IngestService> ingest) {
        this(ingest, Duration.ofSeconds(1));
    }

    DriverSupervisor(Supplier<IngestService> ingest, Duration firstRetry) {
        this.ingest = ingest;
        this.firstRetry = firstRetry;
    }

    /** Starts that came due for a driver already removed, and were given up. */
    long abandonedRetries() {
        return abandonedRetries.get();
    }

    /** The identifier of a supervised driver service, if supervised. */
    public java.util.Optional<String> driverId(long serviceId) {
        return java.util.Optional.ofNullable(drivers.get(serviceId)).map(d -> d.id);
    }

    /** The last status of a supervised driver service. */
    public java.util.Optional<DriverStatusBoard.Entry> status(long serviceId) {
        return board.get(serviceId);
    }

    /** Supervises a driver service that appeared: it is started on the supervisor's thread. */
    public void addDriver(ProtocolDriver driver, Map<String, Object> properties) {
        long serviceId = (Long) properties.get(Constants.SERVICE_ID);
        String id = driverId(properties);
        Supervised supervised = new Supervised(serviceId, id, driver);
        drivers.put(serviceId, supervised);
        board.put(serviceId, DriverStatus.STARTING, null);
        executor.execute(() -> start(supervised, firstRetry));
    }

    /** Stops a driver whose service went. */
    public void removeDriver(ProtocolDriver driver, Map<String, Object> properties) {
        long serviceId = (Long) properties.get(Constants.SERVICE_ID);
        Supervised supervised = drivers.remove(serviceId);
        if (supervised != null) {
            supervised.stopped = true;
            executor.execute(() -> stop(supervised));
        }
    }

    /** Stops every driver and the supervisor's thread. */
    public void close() throws InterruptedException {
        drivers.values().forEach(d -> d.stopped = true);
        drivers.values().forEach(d -> executor.execute(() -> stop(d)));
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void start(Supervised driver, Duration backoff) {
        if (driver.stopped) {
            abandonedRetries.incrementAndGet();
            return;
        }
        board.put(driver.serviceId, DriverStatus.STARTING, null);
        try {
            driver.instance.start(
                    new SupervisedContext(driver.id, driver.serviceId, ingest, board));
            driver.running = true;
            if (board.get(driver.serviceId)
                    .map(e -> e.status() == DriverStatus.STARTING)
                    .orElse(false)) {
                board.put(driver.serviceId, DriverStatus.RUNNING, null);
            }
            LOG.info("driver {} started", driver.id);
        } catch (Exception | LinkageError e) {
            board.put(driver.serviceId, DriverStatus.FAILED, String.valueOf(e.getMessage()));
            LOG.warn(
                    "driver {} failed to start, retrying in {} s: {}",
                    driver.id,
                    backoff.toSeconds(),
                    e.toString());
            Duration next =
                    backoff.multipliedBy(2).compareTo(MAX_RETRY) > 0
                            ? MAX_RETRY
                            : backoff.multipliedBy(2);
            executor.schedule(() -> start(driver, next), backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stop(Supervised driver) {
        if (driver.running) {
            try {
                driver.instance.stop();
            } catch (RuntimeException e) {
                LOG.warn("driver {} failed to stop cleanly: {}", driver.id, e.toString());
            }
        }
        board.remove(driver.serviceId);
    }

    private static String driverId(Map<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (pid instanceof String s) {
            return s;
        }
        Object name = properties.get("component.name");
        return name != null ? name.toString() : "driver-" + properties.get(Constants.SERVICE_ID);
    }

    private static final class Supervised {
        final long serviceId;
        final String id;
        final ProtocolDriver instance;
        volatile boolean stopped;
        volatile boolean running;

        Supervised(long serviceId, String id, ProtocolDriver instance) {
            this.serviceId = serviceId;
            this.id = id;
            this.instance = instance;
        }
    }
}
