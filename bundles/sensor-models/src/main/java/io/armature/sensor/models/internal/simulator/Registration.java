package io.armature.sensor.models.internal.simulator;

import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.MetricInfo;
import io.armature.api.device.Tenant;
import io.armature.api.device.UnknownDevicePolicy;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Registers a simulated device (and its tenant) when absent and declares its metrics' units. */
final class Registration {
    private Registration() {}

    static void ensure(
            DeviceRegistry registry,
            SimulatorConfig config,
            java.util.List<SimulatedSensor> sensors) {
        if (registry.tenant(config.tenant()).isEmpty()) {
            try {
                registry.createTenant(
                        new Tenant(config.tenant(), null, UnknownDevicePolicy.AUTO_REGISTER, null));
            } catch (IllegalStateException raced) {
                // created meanwhile by another simulated device of the tenant
            }
        }
        if (registry.device(config.tenant(), config.device()).isEmpty()) {
            Set<String> sensorTypes =
                    sensors.stream().map(s -> s.spec().type()).collect(Collectors.toSet());
            String type =
                    !config.deviceType().isBlank()
                            ? config.deviceType()
                            : sensorTypes.size() == 1 ? sensorTypes.iterator().next() : null;
            try {
                registry.register(
                        new Device(
                                config.tenant(),
                                config.device(),
                                config.device(),
                                type,
                                Map.of("simulated", "true"),
                                null,
                                null,
                                null));
            } catch (IllegalStateException raced) {
                // registered meanwhile by its first sample
            }
        }
        for (SimulatedSensor sensor : sensors) {
            for (int i = 0; i < sensor.metrics().size(); i++) {
                var spec = sensor.metrics().get(i);
                registry.describeMetric(
                        config.tenant(),
                        config.device(),
                        new MetricInfo(
                                sensor.metricIds().get(i), spec.unit(), spec.displayName(), null));
            }
        }
    }
}
