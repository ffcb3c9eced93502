package io.armature.alerts.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.armature.api.alert.AlertChange;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients of {@code GET .../alerts/stream}: each gets the alert changes of its tenant as
 * server-sent events {@code alert}, queued (at most {@value #MAX_QUEUED}; beyond, the oldest are
 * dropped and counted in the next event's {@code skipped}) and sent at once by a thread of this
 * class, never the engine's. A comment every 15 s keeps proxies from closing idle streams.
 */
final class AlertStreams implements Consumer<AlertChange> {
    static final int MAX_QUEUED = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertStreams.class);
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final class Client {
        final String tenant;
        final SseEventSink sink;
        final Sse sse;
        final ArrayDeque<AlertChange> queued = new ArrayDeque<>();
        long skipped;

        Client(String tenant, SseEventSink sink, Sse sse) {
            this.tenant = tenant;
            this.sink = sink;
            this.sse = sse;
        }

        synchronized void offer(AlertChange change) {
            if (queued.size() == MAX_QUEUED) {
                queued.pollFirst();
                skipped++;
            }
            queued.addLast(change);
        }

        /** False once the client has gone. */
        boolean flush() {
            while (!sink.isClosed()) {
                AlertChange change;
                long lost;
                synchronized (this) {
                    change = queued.pollFirst();
                    lost = skipped;
                    skipped = 0;
                }
                if (change == null) {
                    return true;
                }
                var view = AlertViews.view(change);
                view.put("skipped", lost);
                try {
                    send(
                            sse.newEventBuilder()
                                    .name("alert")
                                    .data(String.class, JSON.writeValueAsString(view))
                                    .build());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    LOG.warn("alert change not serialisable: {}", e.toString());
                }
            }
            return false;
        }

        void send(OutboundSseEvent event) {
            sink.send(event)
                    .whenComplete(
                            (ok, failure) -> {
                                if (failure != null) {
                                    close();
                                }
                            });
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException alreadyGone) {
                // the client went first
            }
        }
    }

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Semaphore changed = new Semaphore(0);
    private final Thread flusher = new Thread(this::run, "armature-alerts-stream");
    private volatile boolean running = true;

    AlertStreams() {
        flusher.setDaemon(true);
        flusher.start();
    }

    private void run() {
        long keepAliveAt = System.nanoTime() + KEEP_ALIVE_NANOS;
        while (running) {
            try {
                if (changed.tryAcquire(1, TimeUnit.SECONDS)) {
                    changed.drainPermits();
                }
            } catch (InterruptedException stop) {
                return;
            }
            boolean keepAlive = System.nanoTime() > keepAliveAt;
            if (keepAlive) {
                keepAliveAt = System.nanoTime() + KEEP_ALIVE_NANOS;
            }
            flush(keepAlive);
        }
    }

    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(15);

    void open(String tenant, SseEventSink sink, Sse sse) {
        Client client = new Client(tenant, sink, sse);
        client.send(sse.newEventBuilder().name("ready").data(String.class, "{}").build());
        clients.add(client);
    }

    @Override
    public void accept(AlertChange change) {
        for (Client client : clients) {
            if (client.tenant.equals(change.alert().tenant())) {
                client.offer(change);
            }
        }
        changed.release();
    }

    private void flush(boolean keepAlive) {
        for (Client client : clients) {
            try {
                if (!client.flush()) {
                    clients.remove(client);
                } else if (keepAlive) {
                    client.send(client.sse.newEventBuilder().comment("keep-alive").build());
                }
            } catch (RuntimeException e) {
                clients.remove(client);
                client.close();
            }
        }
    }

    void close() {
        running = false;
        flusher.interrupt();
        clients.forEach(Client::close);
        clients.clear();
    }
}
