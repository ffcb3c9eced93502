package io.armature.core.internal.driver;

import io.armature.api.driver.DriverInfo;
import io.armature.api.driver.DriverState;
import io.armature.api.driver.ProtocolDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One driver id's lifecycle: its current service instance, state, backoff and counters. Starts and
 * stops run on the slot's own worker thread (so one driver's slow start never delays another's), in
 * submission order (so a replaced instance is stopped before its successor starts); its {@link
 * DriverWorker} abandons calls that outlive their timeout, and the shared timer schedules retries.
 * Every state change holds the slot's lock; driver code is never called while holding it.
 */
final class DriverSlot {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSlot.class);

    final String id;
    private final Supplier<Timings> timingsNow;
    private Timings timings;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final ContextFactory contexts;
    final DriverCounters counters = new DriverCounters();

    private final DriverWorker worker;
    private ProtocolDriver instance;
    private long serviceId = -1;

    /** Bumped whenever earlier attempts become stale (failure, restart, detach). */
    private long attempt;

    private boolean started;
    private DriverState state = DriverState.STOPPED;
    private String lastError;

    /** A problem the current attempt reported (shown while it runs). */
    private String problem;

    private int restarts;
    private int starts;
    private Instant nextRetryAt;
    private Instant runningSince;
    private ScheduledFuture<?> retry;
    private Backoff backoff;

    /** The supervisor's timings, read from its configuration. */
    record Timings(
            Duration firstRetry,
            Duration maxRetry,
            Duration stablePeriod,
            Duration startTimeout,
            Duration stopTimeout) {}

    DriverSlot(
            String id,
            Supplier<Timings> timings,
            ScheduledExecutorService timer,
            Clock clock,
            ContextFactory contexts) {
        this.id = id;
        this.contexts = contexts;
        this.timingsNow = timings;
        this.timings = timings.get();
        this.timer = timer;
        this.clock = clock;
        this.backoff =
                new Backoff(
                        this.timings.firstRetry(),
                        this.timings.maxRetry(),
                        this.timings.stablePeriod());
        this.worker = new DriverWorker("armature-driver-" + id, timer);
    }

    /** A new service instance for this id: started after whatever the worker still has to do. */
    synchronized void attach(ProtocolDriver driver, long service) {
        cancelRetry();
        attempt++;
        instance = driver;
        serviceId = service;
        started = false;
        starts = 0;
        timings = timingsNow.get();
        backoff = new Backoff(timings.firstRetry(), timings.maxRetry(), timings.stablePeriod());
        submitStart();
    }

    /** The service went: stop its instance (if started) and forget it. */
    synchronized void detach(long service) {
        if (service != serviceId) {
            return;
        }
        cancelRetry();
        attempt++;
        if (started) {
            submitStop(instance);
        }
        instance = null;
        serviceId = -1;
        started = false;
        state = DriverState.STOPPED;
        nextRetryAt = null;
        runningSince = null;
    }

    /** An operator's restart: stop if running, start again now, backoff forgotten. */
    synchronized boolean restart() {
        if (instance == null) {
            return false;
        }
        cancelRetry();
        attempt++;
        if (started) {
            submitStop(instance);
            started = false;
        }
        backoff.reset();
        submitStart();
        return true;
    }

    /** The running driver reported failure through the context of {@code reportedAttempt}. */
    synchronized void failed(long reportedAttempt, String reason) {
        if (reportedAttempt != attempt || state != DriverState.RUNNING) {
            return;
        }
        LOG.warn("driver {} reported failure: {}", id, reason);
        attempt++;
        submitStop(instance);
        started = false;
        scheduleRetry(reason);
    }

    /** A problem the running driver lives with; ignored from a stale context. */
    synchronized void problem(long reportedAttempt, String message) {
        if (reportedAttempt == attempt
                && (state == DriverState.RUNNING || state == DriverState.STARTING)) {
            problem = message;
        }
    }

    synchronized boolean isCurrent(long reportedAttempt) {
        return reportedAttempt == attempt;
    }

    synchronized boolean isAttached() {
        return instance != null;
    }

    /** The attached service instance whatever its state, null when none is attached. */
    synchronized ProtocolDriver attachedInstance() {
        return instance;
    }

    /** The instance when it runs now, for command delivery. */
    synchronized ProtocolDriver runningInstance() {
        return state == DriverState.RUNNING ? instance : null;
    }

    synchronized DriverState state() {
        return state;
    }

    synchronized DriverInfo info(List<String> devices) {
        return new DriverInfo(
                id,
                state,
                state == DriverState.RUNNING ? problem : lastError,
                restarts,
                nextRetryAt,
                runningSince,
                counters.samplesIn.sum(),
                counters.rejectedSnapshot(),
                devices,
                worker.abandoned());
    }

    /** Stops the current instance (when started) and the worker; waits at most the stop timeout. */
    void close() throws InterruptedException {
        synchronized (this) {
            cancelRetry();
            attempt++;
            if (started) {
                submitStop(instance);
                started = false;
            }
            instance = null;
            state = DriverState.STOPPED;
        }
        worker.shutdown(timings.stopTimeout());
    }

    /** Makes the context of one start attempt. */
    interface ContextFactory {
        SlotContext create(DriverSlot slot, long attempt);
    }

    private void submitStart() {
        long mine = attempt;
        ProtocolDriver driver = instance;
        state = DriverState.STARTING;
        problem = null;
        nextRetryAt = null;
        runningSince = null;
        if (starts++ > 0) {
            restarts++;
        }
        worker.submit(() -> runStart(driver, mine), timings.startTimeout(), () -> startHung(mine));
    }

    private void runStart(ProtocolDriver driver, long mine) {
        if (!isCurrent(mine)) {
            return;
        }
        try {
            driver.start(contexts.create(this, mine));
        } catch (Exception | LinkageError e) {
            synchronized (this) {
                if (mine == attempt) {
                    LOG.warn("driver {} failed to start: {}", id, e.toString());
                    attempt++;
                    scheduleRetry(String.valueOf(e.getMessage()));
                }
            }
            return;
        }
        boolean stale;
        synchronized (this) {
            stale = mine != attempt;
            if (!stale) {
                started = true;
                state = DriverState.RUNNING;
                runningSince = clock.instant();
                lastError = null;
                LOG.info("driver {} started", id);
            }
        }
        if (stale) {
            // abandoned or superseded while starting: its start returned after all, so it is
            // stopped here, as the contract promises a stop for every start that returned
            safeStop(driver);
        }
    }

    /** The start of {@code mine} was abandoned by the worker: a failure, if still current. */
    private synchronized void startHung(long mine) {
        if (mine != attempt || state != DriverState.STARTING) {
            return;
        }
        attempt++;
        String reason =
                "start did not return within "
                        + timings.startTimeout().toSeconds()
                        + " s: abandoned (its thread was interrupted)";
        LOG.warn("driver {}: {}", id, reason);
        scheduleRetry(reason);
    }

    private void submitStop(ProtocolDriver driver) {
        worker.submit(() -> safeStop(driver), timings.stopTimeout(), this::stopHung);
    }

    private synchronized void stopHung() {
        lastError =
                "stop did not return within "
                        + timings.stopTimeout().toSeconds()
                        + " s: abandoned (its thread was interrupted)";
        LOG.warn("driver {}: {}", id, lastError);
    }

    private void safeStop(ProtocolDriver driver) {
        try {
            driver.stop();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("driver {} failed to stop cleanly: {}", id, e.toString());
        }
    }

    private void scheduleRetry(String reason) {
        Instant now = clock.instant();
        Duration delay = backoff.afterFailure(runningSince, now);
        lastError = reason;
        state = DriverState.BACKOFF;
        runningSince = null;
        nextRetryAt = now.plus(delay);
        long mine = attempt;
        retry = timer.schedule(() -> retryNow(mine), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void retryNow(long scheduledAt) {
        if (scheduledAt == attempt && instance != null && state == DriverState.BACKOFF) {
            retry = null;
            submitStart();
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }
}
