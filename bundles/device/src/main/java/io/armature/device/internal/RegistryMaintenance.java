package io.armature.device.internal;

import io.armature.api.storage.TimeSeriesStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The registry's background work on one thread: status transitions from the last sign of life
 * (checked every quarter of the timeout, 100 ms to 1 s), recorded and published; last-seen times
 * saved every 30 s; each tenant's retention applied to the storage backends.
 */
final class RegistryMaintenance implements AutoCloseable {
    private static final long SAVE_LAST_SEEN_MS = 30_000;

    private final RegistryState state;
    private final Clock clock;
    private final StatusPublisher publisher;
    private final Retention retention;
    private volatile long timeoutMillis;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "armature-device-status");
                        thread.setDaemon(true);
                        return thread;
                    });

    RegistryMaintenance(
            RegistryState state,
            List<TimeSeriesStore> stores,
            StatusPublisher publisher,
            Clock clock,
            Duration statusTimeout,
            Duration retentionCheck) {
        this.state = state;
        this.clock = clock;
        this.publisher = publisher;
        this.retention = new Retention(stores, clock);
        this.timeoutMillis = statusTimeout.toMillis();
        long period = Math.max(100, Math.min(1_000, timeoutMillis / 4));
        thread.scheduleWithFixedDelay(this::checkStatuses, period, period, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(
                state::saveIfSeen, SAVE_LAST_SEEN_MS, SAVE_LAST_SEEN_MS, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(
                () -> state.tenants.keySet().forEach(this::applyRetention),
                10_000,
                retentionCheck.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** How long a device stays online after its last sign of life. */
    long timeoutMillis() {
        return timeoutMillis;
    }

    void statusTimeout(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    /** Detects status transitions; runs on the maintenance thread (and from tests). */
    void checkStatuses() {
        long now = clock.millis();
        for (TenantEntry tenant : state.tenants.values()) {
            for (DeviceEntry device : tenant.devices.values()) {
                device.transitionAt(now, timeoutMillis)
                        .ifPresent(
                                change -> {
                                    state.markSeen();
                                    publisher.publish(change);
                                });
            }
        }
    }

    /** Applies the tenant's retention on the maintenance thread, soon. */
    void applyRetentionSoon(String tenantId) {
        if (!thread.isShutdown()) {
            thread.execute(() -> applyRetention(tenantId));
        }
    }

    /** Drops raw data older than the tenant's retention from every backend. */
    void applyRetention(String tenantId) {
        TenantEntry entry = state.tenants.get(tenantId);
        if (entry != null) {
            retention.apply(entry.tenant);
        }
    }

    /** Stops the thread, waiting up to 5 s for the work in progress. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
