package io.armature.device.internal;

import io.armature.api.device.DeviceStatusChange;
import io.armature.api.device.DeviceStatusListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands device status transitions to every {@link DeviceStatusListener} on one core-owned thread,
 * in the order they happened; a failing listener is logged and does not stop the others.
 */
final class StatusPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);
    private final List<DeviceStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread thread = new Thread(r, "armature-device-events");
                        thread.setDaemon(true);
                        return thread;
                    });

    void add(DeviceStatusListener listener) {
        listeners.add(listener);
    }

    void remove(DeviceStatusListener listener) {
        listeners.remove(listener);
    }

    void publish(DeviceStatusChange change) {
        for (DeviceStatusListener listener : listeners) {
            notifier.execute(
                    () -> {
                        try {
                            listener.onStatusChange(change);
                        } catch (RuntimeException e) {
                            LOG.warn("device status listener {} failed", listener, e);
                        }
                    });
        }
    }

    /** Delivers what is queued (up to 5 s), then stops. */
    void close() throws InterruptedException {
        notifier.shutdown();
        notifier.awaitTermination(5, TimeUnit.SECONDS);
    }
}
