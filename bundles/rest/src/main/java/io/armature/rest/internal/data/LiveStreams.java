package io.armature.rest.internal.data;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open live streams of this node, by tenant and device. Samples from the live stream are queued
 * per stream and sent every {@link #FLUSH_MILLIS} as one event, so a device reporting 10,000
 * samples/s costs four events a second, and a slow browser only loses its own oldest samples (the
 * event says how many) — never ingest's time.
 */
final class LiveStreams {
    static final long FLUSH_MILLIS = 250;
    static final long KEEPALIVE_SECONDS = 15;
    static final int MAX_STREAMS = 200;

    private final Map<String, Set<LiveStream>> byDevice = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService sender =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "armature-live-streams");
                        thread.setDaemon(true);
                        return thread;
                    });

    LiveStreams() {
        sender.scheduleWithFixedDelay(
                this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        sender.scheduleWithFixedDelay(
                this::keepAlive, KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts a stream; 503 when this node already serves {@link #MAX_STREAMS}. */
    void open(String tenant, String device, Set<String> metrics, SseEventSink sink, Sse sse) {
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            throw ProblemException.unavailable(
                    "this node already serves "
                            + MAX_STREAMS
                            + " live streams; close one or try again later",
                    30);
        }
        LiveStream stream = new LiveStream(metrics, sink, sse);
        byDevice.computeIfAbsent(key(tenant, device), k -> new CopyOnWriteArraySet<>()).add(stream);
        stream.sendReady();
    }

    /** Called on the live stream's delivery thread: only queues. */
    void offer(SampleBatch batch) {
        if (byDevice.isEmpty()) {
            return;
        }
        // batches hold runs of one device's samples: look the streams up once per run, without
        // building a key per sample
        String tenant = null;
        String device = null;
        Set<LiveStream> streams = null;
        for (Sample sample : batch.samples()) {
            if (!sample.device().equals(device) || !sample.tenant().equals(tenant)) {
                tenant = sample.tenant();
                device = sample.device();
                streams = byDevice.get(key(tenant, device));
            }
            if (streams != null) {
                for (LiveStream stream : streams) {
                    stream.offer(sample);
                }
            }
        }
    }

    /** Streams open now (tests, health). */
    int openCount() {
        return open.get();
    }

    void close() {
        sender.shutdownNow();
        for (Set<LiveStream> streams : byDevice.values()) {
            streams.forEach(LiveStream::close);
        }
        byDevice.clear();
    }

    private void flush() {
        forEachStream(LiveStream::flush);
    }

    private void keepAlive() {
        forEachStream(LiveStream::keepAlive);
    }

    private void forEachStream(java.util.function.Predicate<LiveStream> sendAndStillOpen) {
        for (Map.Entry<String, Set<LiveStream>> entry : byDevice.entrySet()) {
            List<LiveStream> closed = new ArrayList<>();
            for (LiveStream stream : entry.getValue()) {
                try {
                    if (!sendAndStillOpen.test(stream)) {
                        closed.add(stream);
                    }
                } catch (RuntimeException e) {
                    stream.close();
                    closed.add(stream);
                }
            }
            if (!closed.isEmpty()) {
                entry.getValue().removeAll(closed);
                open.addAndGet(-closed.size());
                byDevice.computeIfPresent(entry.getKey(), (k, v) -> v.isEmpty() ? null : v);
            }
        }
    }

    private static String key(String tenant, String device) {
        return tenant + '\u0000' + device;
    }
}
