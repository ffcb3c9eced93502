package io.armature.driver.grpc.internal;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.MetricInfo;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Unit and display name sent with values become the metric's metadata, once per change. */
final class MetricDescriber {
    private final Supplier<DeviceRegistry> registry;
    private final Set<String> described = ConcurrentHashMap.newKeySet();

    MetricDescriber(Supplier<DeviceRegistry> registry) {
        this.registry = registry;
    }

    /**
     * @param metrics {@code tenant/device/metric} to unit and display name (either may be empty)
     */
    void describe(Map<String, String[]> metrics) {
        DeviceRegistry devices = registry.get();
        if (devices == null) {
            return;
        }
        metrics.forEach(
                (key, meta) -> {
                    String marker = key + "|" + meta[0] + "|" + meta[1];
                    if (described.add(marker)) {
                        String[] parts = key.split("/", 3);
                        try {
                            devices.describeMetric(
                                    parts[0],
                                    parts[1],
                                    new MetricInfo(
                                            parts[2],
                                            meta[0].isEmpty() ? null : meta[0],
                                            meta[1].isEmpty() ? null : meta[1],
                                            null));
                        } catch (IllegalArgumentException e) {
                            described.remove(marker); // the device is not registered (yet)
                        }
                    }
                });
    }
}
