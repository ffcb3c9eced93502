package io.armature.device.internal;

import io.armature.api.device.Admission;
import io.armature.api.device.MetricInfo;
import io.armature.api.device.UnknownDevicePolicy;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sensor.MetricSpec;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's {@link Admission}: checks the samples of one ingest batch against the registry:
 * unknown tenants and devices are created or rejected by policy; admitted samples mark their device
 * seen and register their metric. Consecutive samples of the same device (the usual shape of a
 * batch) cost one comparison. Used by one thread; {@link #close()} saves the registry when the
 * batch created something.
 */
final class BatchAdmission implements Admission {
    private final RegistryState registry;
    private final SensorRanges ranges;
    private final long now;
    private Map<String, MetricSpec> deviceRanges; // of the current device's type, or null
    private TenantEntry tenant;
    private DeviceEntry device;
    private boolean created;

    BatchAdmission(RegistryState registry, SensorRanges ranges, long now) {
        this.registry = registry;
        this.ranges = ranges;
        this.now = now;
    }

    @Override
    public Optional<Rejection> check(int index, Sample sample) {
        if (tenant == null || !tenant.tenant.id().equals(sample.tenant())) {
            TenantEntry entry = registry.tenantForIngest(sample.tenant());
            if (entry == null) {
                return Optional.of(
                        new Rejection(
                                index,
                                "unknown_tenant",
                                "tenant '" + sample.tenant() + "' does not exist"));
            }
            tenant = entry;
            device = null;
        }
        if (device == null || !device.id.equals(sample.device())) {
            DeviceEntry entry = tenant.devices.get(sample.device());
            if (entry == null) {
                if (tenant.tenant.unknownDevicePolicy() == UnknownDevicePolicy.REJECT) {
                    return Optional.of(
                            new Rejection(
                                    index,
                                    "unknown_device",
                                    "device '"
                                            + sample.device()
                                            + "' is not registered in tenant '"
                                            + tenant.tenant.id()
                                            + "', which rejects unknown devices"));
                }
                entry = registry.registerForIngest(tenant, sample.device());
                created = true;
            }
            device = entry;
            device.seen(now);
            deviceRanges = ranges.of(device.type);
        }
        if (deviceRanges != null) {
            Optional<Rejection> outOfRange =
                    SensorRanges.check(index, sample, device.type, deviceRanges);
            if (outOfRange.isPresent()) {
                return outOfRange;
            }
        }
        if (!device.metrics.containsKey(sample.metric())) {
            device.metrics.putIfAbsent(
                    sample.metric(), new MetricInfo(sample.metric(), null, null, null));
            created = true;
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        registry.markSeen();
        if (created) {
            registry.save();
        }
    }
}
