package io.armature.core.internal.driver;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A driver's own thread for its start and stop calls: one call at a time, in submission order. A
 * call still running when its timeout passes is abandoned: its thread is interrupted and left
 * behind, what was queued after it moves to a new thread, and the caller's {@code onHung} runs (on
 * the shared timer). Thread-safe.
 */
final class DriverWorker {
    private final String name;
    private final ScheduledExecutorService timer;
    private ThreadPoolExecutor thread;
    private int abandoned;

    DriverWorker(String name, ScheduledExecutorService timer) {
        this.name = name;
        this.timer = timer;
        this.thread = newThread();
    }

    /** Runs {@code call} after what is queued; {@code onHung} when it outlives {@code timeout}. */
    synchronized void submit(Runnable call, Duration timeout, Runnable onHung) {
        Future<?> running = thread.submit(call);
        timer.schedule(
                () -> {
                    if (moveOnIfRunning(running)) {
                        // the caller records why before the hung call is interrupted (which may
                        // make it throw) and before it is counted: who sees the count sees why
                        onHung.run();
                        running.cancel(true);
                        synchronized (this) {
                            abandoned++;
                        }
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Calls given up so far. */
    synchronized int abandoned() {
        return abandoned;
    }

    /** Lets the queued calls finish, waiting at most {@code wait}, then interrupts them. */
    void shutdown(Duration wait) throws InterruptedException {
        ExecutorService last;
        synchronized (this) {
            last = thread;
        }
        last.shutdown();
        if (!last.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            last.shutdownNow();
        }
    }

    /** Leaves a still running call's thread behind, moving what is queued to a new one. */
    private boolean moveOnIfRunning(Future<?> call) {
        synchronized (this) {
            if (call.isDone()) {
                return false;
            }
            ThreadPoolExecutor hung = thread;
            thread = newThread();
            java.util.List<Runnable> queued = new java.util.ArrayList<>();
            hung.getQueue().drainTo(queued);
            // no interrupt yet: the hung call is interrupted by its cancel, after onHung
            hung.shutdown();
            queued.forEach(thread::execute);
        }
        return true;
    }

    private ThreadPoolExecutor newThread() {
        return new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
    }
}
