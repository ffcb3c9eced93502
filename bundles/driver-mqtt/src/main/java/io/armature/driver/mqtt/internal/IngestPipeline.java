package io.armature.driver.mqtt.internal;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the broker and ingest: messages queue in arrival order, one thread writes them to ingest
 * in batches, and a message is acknowledged to the broker only once ingest has accepted (or
 * rejected for good) every sample of it, in arrival order as MQTT requires. Under backpressure the
 * thread offers the rest again after ingest's {@code retryAfter} and acknowledges nothing
 * meanwhile; the broker stops sending at its receive maximum, and the queue blocks the arrival
 * thread at its own bound (QoS 0 has no flow control). Nothing is dropped: what was not
 * acknowledged when the driver stops is delivered again by the broker.
 */
final class IngestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    private static final long LINGER_NANOS = 5_000_000;

    /** One received message: its broker id and QoS (for the acknowledgement) and its samples. */
    record Message(int id, int qos, List<Sample> samples, Map<String, String> units) {}

    /** Acknowledges a message to the broker; called in arrival order. */
    interface Acker {
        void ack(int id, int qos);
    }

    /** Receives the units of metrics whose samples were accepted. */
    interface Units {
        void describe(Map<String, String> units);
    }

    private final DriverContext context;
    private final Acker acker;
    private final Units units;
    private final int capacity;
    private final int batchSamples;
    private final Deque<Message> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition stopping = lock.newCondition();
    private volatile boolean stopped;
    private int queuedSamples; // guarded by lock
    private boolean lingering; // guarded by lock
    private int lingerWakeSamples; // guarded by lock: queued samples that complete the batch
    private final Thread thread;

    IngestPipeline(
            DriverContext context,
            Acker acker,
            Units units,
            int capacity,
            int batchSamples,
            String name) {
        this.context = context;
        this.acker = acker;
        this.units = units;
        this.capacity = capacity;
        this.batchSamples = batchSamples;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a message; blocks while the queue is at its bound. */
    void offer(Message message) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.size() >= capacity && !stopped) {
                notFull.await();
            }
            if (stopped) {
                return; // not acknowledged: the broker delivers it again
            }
            queue.addLast(message);
            queuedSamples += message.samples().size();
            // while the thread lingers for a batch to fill up it is woken only once one is full,
            // not by every message (a wake-up per message costs more than the message itself)
            if (!lingering || queuedSamples >= lingerWakeSamples || queue.size() >= capacity) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Messages waiting for ingest now. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread; queued messages stay unacknowledged. */
    void stop() {
        stopped = true;
        lock.lock();
        try {
            notEmpty.signalAll();
            notFull.signalAll();
            stopping.signalAll();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!stopped) {
                List<Message> taken = take();
                if (taken.isEmpty()) {
                    continue;
                }
                deliver(taken);
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.error("driver {}: ingest thread failed", context.driverId(), e);
            context.failed("ingest of received messages failed: " + e);
        }
    }

    private List<Message> take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty() && !stopped) {
                notEmpty.await();
            }
            List<Message> taken = new ArrayList<>();
            int samples = 0;
            // a short linger lets a batch fill up: one ingest call (one journal append) per
            // many small messages instead of one per message
            long lingerUntil = System.nanoTime() + LINGER_NANOS;
            while (!stopped) {
                while (!queue.isEmpty()
                        && (taken.isEmpty()
                                || samples + queue.peekFirst().samples().size() <= batchSamples)) {
                    Message next = queue.pollFirst();
                    queuedSamples -= next.samples().size();
                    samples += next.samples().size();
                    taken.add(next);
                }
                long left = lingerUntil - System.nanoTime();
                if (samples >= batchSamples || !queue.isEmpty() || left <= 0) {
                    break;
                }
                notFull.signalAll();
                lingering = true;
                lingerWakeSamples = batchSamples - samples;
                try {
                    notEmpty.awaitNanos(left);
                } finally {
                    lingering = false;
                }
            }
            notFull.signalAll();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Writes the messages' samples until all are handled, acknowledging each as it is. */
    private void deliver(List<Message> messages) throws InterruptedException {
        List<Message> pending = messages;
        while (!pending.isEmpty()) {
            List<Sample> samples = new ArrayList<>();
            for (Message message : pending) {
                samples.addAll(message.samples());
            }
            if (samples.isEmpty()) {
                pending.forEach(m -> acker.ack(m.id(), m.qos()));
                return;
            }
            SampleBatch batch = new SampleBatch(samples);
            IngestResult result = context.publish(batch, MAX_WAIT);
            boolean[] handled = handled(batch, result);
            List<Message> rest = new ArrayList<>();
            Map<String, String> accepted = new java.util.LinkedHashMap<>();
            int offset = 0;
            for (Message message : pending) {
                int size = message.samples().size();
                List<Sample> unhandled = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if (!handled[offset + i]) {
                        unhandled.add(message.samples().get(i));
                    }
                }
                offset += size;
                if (rest.isEmpty() && unhandled.isEmpty()) {
                    acker.ack(message.id(), message.qos());
                    accepted.putAll(message.units());
                } else {
                    rest.add(new Message(message.id(), message.qos(), unhandled, message.units()));
                }
            }
            if (!accepted.isEmpty()) {
                units.describe(accepted);
            }
            pending = rest;
            if (!pending.isEmpty()) {
                pause(result.retryAfter() == null ? Duration.ofSeconds(1) : result.retryAfter());
                if (stopped) {
                    return; // the unacknowledged rest comes again from the broker
                }
            }
        }
    }

    private void pause(Duration delay) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (!stopped) {
                stopping.await(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Per sample: accepted or rejected for good (the rest is to be offered again). */
    static boolean[] handled(SampleBatch batch, IngestResult result) {
        boolean[] handled = new boolean[batch.size()];
        for (Rejection rejection : result.rejections()) {
            if (rejection.index() >= 0 && rejection.index() < handled.length) {
                handled[rejection.index()] = true;
            }
        }
        int valid = 0;
        for (int i = 0; i < handled.length; i++) {
            if (!handled[i]) {
                handled[i] = !result.mustRetry() || valid < result.accepted();
                valid++;
            }
        }
        return handled;
    }
}
