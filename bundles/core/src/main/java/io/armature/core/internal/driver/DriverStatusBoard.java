package io.armature.core.internal.driver;

import io.armature.api.driver.DriverStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Last reported status of every supervised driver, by OSGi service id. Thread-safe. */
public final class DriverStatusBoard {
    /** One driver's status and detail. */
    public record Entry(DriverStatus status, String message) {}

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    void put(long serviceId, DriverStatus status, String message) {
        entries.put(serviceId, new Entry(status, message));
    }

    void remove(long serviceId) {
        entries.remove(serviceId);
    }

    /** The status of a driver service, if supervised. */
    public Optional<Entry> get(long serviceId) {
        return Optional.ofNullable(entries.get(serviceId));
    }
}
