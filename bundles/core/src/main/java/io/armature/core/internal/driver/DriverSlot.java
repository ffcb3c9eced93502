package io.armature.core.internal.driver;

import io.armature.api.driver.DriverInfo;
import io.armature.api.driver.DriverState;
import io.armature.api.driver.ProtocolDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One driver id's lifecycle: its current service instance, state, backoff and counters. Starts and
 * stops run on the slot's own worker thread (so one driver's slow start never delays another's), in
 * submission order (so a replaced instance is stopped before its successor starts); a shared timer
 * schedules retries and abandons calls that outlive their timeout. Every state change holds the
 * slot's lock; driver code is never called while holding it.
 */
final class DriverSlot {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSlot.class);

    final String id;
    private final Supplier<Timings> timingsNow;
    private Timings timings;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final ContextFactory contexts;
    final Counters counters = new Counters();

    private ExecutorService worker;
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
    private int abandoned;
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

    /** What a slot's driver published and what was refused, by reason. */
    static final class Counters {
        final LongAdder samplesIn = new LongAdder();
        final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

        void reject(String reason, long count) {
            rejected.computeIfAbsent(reason, r -> new LongAdder()).add(count);
        }

        Map<String, Long> rejectedSnapshot() {
            Map<String, Long> result = new TreeMap<>();
            rejected.forEach((reason, count) -> result.put(reason, count.sum()));
            return result;
        }
    }

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
        this.worker = newWorker();
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
                abandoned);
    }

    /** Stops the current instance (when started) and the worker; waits at most the stop timeout. */
    void close() throws InterruptedException {
        ExecutorService last;
        synchronized (this) {
            cancelRetry();
            attempt++;
            if (started) {
                submitStop(instance);
                started = false;
            }
            instance = null;
            state = DriverState.STOPPED;
            last = worker;
        }
        last.shutdown();
        if (!last.awaitTermination(timings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            last.shutdownNow();
        }
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
        Future<?> call = worker.submit(() -> runStart(driver, mine));
        timer.schedule(
                () -> abandonStartIfHung(call, mine),
                timings.startTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
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

    private void abandonStartIfHung(Future<?> call, long mine) {
        synchronized (this) {
            if (call.isDone() || mine != attempt || state != DriverState.STARTING) {
                return;
            }
            attempt++;
            abandoned++;
            replaceWorker();
            String reason =
                    "start did not return within "
                            + timings.startTimeout().toSeconds()
                            + " s: abandoned (its thread was interrupted)";
            LOG.warn("driver {}: {}", id, reason);
            scheduleRetry(reason);
        }
        call.cancel(true);
    }

    private void submitStop(ProtocolDriver driver) {
        Future<?> call = worker.submit(() -> safeStop(driver));
        timer.schedule(
                () -> abandonStopIfHung(call),
                timings.stopTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void abandonStopIfHung(Future<?> call) {
        synchronized (this) {
            if (call.isDone()) {
                return;
            }
            abandoned++;
            lastError =
                    "stop did not return within "
                            + timings.stopTimeout().toSeconds()
                            + " s: abandoned (its thread was interrupted)";
            LOG.warn("driver {}: {}", id, lastError);
            replaceWorker();
        }
        call.cancel(true);
    }

    private void safeStop(ProtocolDriver driver) {
        try {
            driver.stop();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("driver {} failed to stop cleanly: {}", id, e.toString());
        }
    }

    /** Moves the work queued behind a hung call to a fresh thread; the hung one is left behind. */
    private void replaceWorker() {
        ExecutorService hung = worker;
        worker = newWorker();
        for (Runnable queued : hung.shutdownNow()) {
            worker.execute(queued);
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

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(
                r -> {
                    Thread thread = new Thread(r, "armature-driver-" + id);
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
