package io.armature.rest.internal.data;

import io.armature.api.sample.Sample;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Set;

/**
 * One client's server-sent event stream: the samples of one device (optionally some metrics only),
 * queued between flushes. At most {@link #MAX_QUEUED} samples wait; beyond that the oldest are
 * dropped and the next event's {@code skipped} says how many.
 */
final class LiveStream {
    static final int MAX_QUEUED = 20_000;

    private final Set<String> metrics;
    private final SseEventSink sink;
    private final Sse sse;
    private final ArrayDeque<Sample> queued = new ArrayDeque<>();
    private long skipped;

    LiveStream(Set<String> metrics, SseEventSink sink, Sse sse) {
        this.metrics = Set.copyOf(metrics);
        this.sink = sink;
        this.sse = sse;
    }

    void offer(Sample sample) {
        if (!metrics.isEmpty() && !metrics.contains(sample.metric())) {
            return;
        }
        synchronized (queued) {
            if (queued.size() == MAX_QUEUED) {
                queued.pollFirst();
                skipped++;
            }
            queued.addLast(sample);
        }
    }

    /** The first event, sent at once so that the client knows the stream is live. */
    void sendReady() {
        send(sse.newEventBuilder().name("ready").data(String.class, "{}").build());
    }

    /** Sends what is queued; false once the client has gone. */
    boolean flush() {
        if (sink.isClosed()) {
            return false;
        }
        StringBuilder json;
        synchronized (queued) {
            if (queued.isEmpty()) {
                return true;
            }
            json = new StringBuilder(64 + queued.size() * 64).append("{\"samples\":[");
            boolean first = true;
            for (Sample sample : queued) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                appendSample(json, sample);
            }
            json.append("],\"skipped\":").append(skipped).append('}');
            queued.clear();
            skipped = 0;
        }
        return send(
                sse.newEventBuilder().name("samples").data(String.class, json.toString()).build());
    }

    /** A comment line now and then: proxies keep the connection, and a gone client is noticed. */
    boolean keepAlive() {
        return !sink.isClosed() && send(sse.newEventBuilder().comment("keep-alive").build());
    }

    void close() {
        try {
            sink.close();
        } catch (RuntimeException alreadyGone) {
            // the client went first
        }
    }

    /** Sends an event (a failed write closes the stream); false once the client has gone. */
    private boolean send(jakarta.ws.rs.sse.OutboundSseEvent event) {
        sink.send(event)
                .whenComplete(
                        (ignored, failure) -> {
                            if (failure != null) {
                                close();
                            }
                        });
        return !sink.isClosed();
    }

    private static void appendSample(StringBuilder json, Sample sample) {
        // metric ids match [A-Za-z0-9_.:-]: nothing to escape
        json.append("{\"metric\":\"")
                .append(sample.metric())
                .append("\",\"time\":\"")
                .append(DateTimeFormatter.ISO_INSTANT.format(sample.time()))
                .append("\",\"value\":")
                .append(sample.value())
                .append('}');
    }
}
