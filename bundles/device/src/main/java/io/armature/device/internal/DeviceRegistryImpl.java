package io.armature.device.internal;

import io.armature.api.device.Admission;
import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.DeviceStatusChange;
import io.armature.api.device.DeviceStatusListener;
import io.armature.api.device.MetricInfo;
import io.armature.api.device.Tenant;
import io.armature.api.sample.Identifiers;
import io.armature.api.sensor.SensorType;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import io.armature.boot.RuntimeHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device registry: tenants, devices and metrics held in memory (ingest consults it for every
 * batch) and written through to {@code data/registry/registry.json}. A maintenance thread derives
 * device status from the last sign of life, records and publishes transitions, saves last-seen
 * times and applies each tenant's retention to the storage backends.
 */
@Component(
        name = DeviceRegistryImpl.PID,
        configurationPid = DeviceRegistryImpl.PID,
        service = DeviceRegistry.class)
@Designate(ocd = RegistryConfig.class)
public final class DeviceRegistryImpl implements DeviceRegistry {
    /** The configuration PID of the device registry. */
    public static final String PID = "io.armature.device.registry";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistryImpl.class);

    private final RegistryState state;
    private final Map<String, TenantEntry> tenants;
    private final Clock clock;
    private final List<TimeSeriesStore> stores = new CopyOnWriteArrayList<>();
    private final StatusPublisher publisher = new StatusPublisher();
    private final SensorRanges sensorRanges = new SensorRanges();
    private final RegistryMaintenance maintenance;

    @Activate
    public DeviceRegistryImpl(BundleContext context, RegistryConfig config) {
        this(
                RuntimeHome.of(context::getProperty)
                        .data()
                        .resolve("registry")
                        .resolve("registry.json"),
                Duration.ofSeconds(config.statusTimeoutSeconds()),
                config.autoCreateTenants(),
                Duration.ofMinutes(config.retentionCheckMinutes()),
                Clock.systemUTC());
    }

    public DeviceRegistryImpl(
            Path file,
            Duration statusTimeout,
            boolean autoCreateTenants,
            Duration retentionCheck,
            Clock clock) {
        this.state = new RegistryState(file, clock, autoCreateTenants);
        this.tenants = state.tenants;
        this.clock = clock;
        this.maintenance =
                new RegistryMaintenance(
                        state, stores, publisher, clock, statusTimeout, retentionCheck);
    }

    /** A new status timeout or tenant policy applies at once (the retention period at restart). */
    @org.osgi.service.component.annotations.Modified
    void modified(RegistryConfig config) {
        maintenance.statusTimeout(Duration.ofSeconds(config.statusTimeoutSeconds()));
        state.autoCreateTenants = config.autoCreateTenants();
        LOG.info(
                "device status timeout {} s, unknown tenants {}",
                config.statusTimeoutSeconds(),
                config.autoCreateTenants() ? "created" : "rejected");
    }

    @Deactivate
    public void deactivate() {
        maintenance.close();
        try {
            publisher.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.save();
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addStore(TimeSeriesStore store) {
        stores.add(store);
    }

    public void removeStore(TimeSeriesStore store) {
        stores.remove(store);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addListener(DeviceStatusListener listener) {
        publisher.add(listener);
    }

    public void removeListener(DeviceStatusListener listener) {
        publisher.remove(listener);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addSensorType(SensorType type) {
        sensorRanges.add(type);
    }

    public void removeSensorType(SensorType type) {
        sensorRanges.remove(type);
    }

    // ---- tenants

    @Override
    public List<Tenant> tenants() {
        return tenants.values().stream()
                .map(t -> t.tenant)
                .sorted(Comparator.comparing(Tenant::id))
                .toList();
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId)).map(t -> t.tenant);
    }

    @Override
    public Tenant createTenant(Tenant tenant) {
        requireIdentifier("tenant", tenant.id());
        synchronized (state) {
            if (tenants.containsKey(tenant.id())) {
                throw new IllegalStateException("tenant '" + tenant.id() + "' exists already");
            }
            tenants.put(
                    tenant.id(),
                    new TenantEntry(named(tenant), Instant.ofEpochMilli(clock.millis())));
            state.save();
        }
        LOG.info("tenant {} created", tenant.id());
        maintenance.applyRetentionSoon(tenant.id());
        return tenant(tenant.id()).orElseThrow();
    }

    @Override
    public Tenant updateTenant(Tenant tenant) {
        synchronized (state) {
            TenantEntry entry = state.requireTenant(tenant.id());
            entry.tenant = named(tenant);
            state.save();
        }
        maintenance.applyRetentionSoon(tenant.id());
        return tenant(tenant.id()).orElseThrow();
    }

    @Override
    public boolean deleteTenant(String tenantId) throws StorageUnavailableException {
        if (!tenants.containsKey(tenantId)) {
            return false;
        }
        for (TimeSeriesStore store : stores) {
            store.deleteTenant(tenantId);
        }
        synchronized (state) {
            tenants.remove(tenantId);
            state.save();
        }
        LOG.info("tenant {} deleted with its devices and data", tenantId);
        return true;
    }

    // ---- devices

    @Override
    public List<Device> devices(String tenantId) {
        TenantEntry entry = tenants.get(tenantId);
        if (entry == null) {
            return List.of();
        }
        long now = clock.millis();
        return entry.devices.values().stream()
                .map(d -> d.snapshot(now, maintenance.timeoutMillis()))
                .sorted(Comparator.comparing(Device::id))
                .toList();
    }

    @Override
    public Optional<Device> device(String tenantId, String deviceId) {
        return state.entry(tenantId, deviceId)
                .map(d -> d.snapshot(clock.millis(), maintenance.timeoutMillis()));
    }

    @Override
    public Optional<Instant> lastSeen(String tenantId, String deviceId) {
        return state.entry(tenantId, deviceId).map(DeviceEntry::lastSeen);
    }

    @Override
    public Device register(Device device) {
        requireIdentifier("device", device.id());
        synchronized (state) {
            TenantEntry tenant = state.requireTenant(device.tenant());
            DeviceEntry existing = tenant.devices.get(device.id());
            if (existing == null) {
                tenant.devices.put(
                        device.id(),
                        new DeviceEntry(
                                device.tenant(),
                                device.id(),
                                device.name(),
                                device.type(),
                                device.tags(),
                                Instant.ofEpochMilli(clock.millis())));
            } else {
                existing.name = device.name() == null ? existing.name : device.name();
                existing.type = device.type();
                existing.tags = device.tags();
            }
            state.save();
        }
        return device(device.tenant(), device.id()).orElseThrow();
    }

    @Override
    public boolean deleteDevice(String tenantId, String deviceId)
            throws StorageUnavailableException {
        if (state.entry(tenantId, deviceId).isEmpty()) {
            return false;
        }
        for (TimeSeriesStore store : stores) {
            store.deleteDevice(tenantId, deviceId);
        }
        synchronized (state) {
            TenantEntry tenant = tenants.get(tenantId);
            if (tenant != null) {
                tenant.devices.remove(deviceId);
            }
            state.save();
        }
        return true;
    }

    @Override
    public List<MetricInfo> metrics(String tenantId, String deviceId) {
        return state.entry(tenantId, deviceId)
                .map(
                        d ->
                                d.metrics.values().stream()
                                        .sorted(Comparator.comparing(MetricInfo::id))
                                        .toList())
                .orElse(List.of());
    }

    @Override
    public MetricInfo describeMetric(String tenantId, String deviceId, MetricInfo metric) {
        requireIdentifier("metric", metric.id());
        DeviceEntry device = state.requireEntry(tenantId, deviceId);
        synchronized (state) {
            MetricInfo before = device.metrics.get(metric.id());
            if (metric.equals(before)) {
                return metric;
            }
            device.metrics.put(metric.id(), metric);
            state.save();
        }
        return metric;
    }

    @Override
    public void heartbeat(String tenantId, String deviceId) {
        state.requireEntry(tenantId, deviceId).seen(clock.millis());
        state.markSeen();
    }

    @Override
    public List<DeviceStatusChange> statusHistory(String tenantId, String deviceId) {
        return state.entry(tenantId, deviceId).map(DeviceEntry::history).orElse(List.of());
    }

    // ---- ingest

    @Override
    public Admission admission() {
        return new BatchAdmission(state, sensorRanges, clock.millis());
    }

    // ---- maintenance

    /** Detects status transitions now (the maintenance thread does it periodically). */
    void checkStatuses() {
        maintenance.checkStatuses();
    }

    /** Drops raw data older than the tenant's retention from every backend. */
    public void applyRetention(String tenantId) {
        maintenance.applyRetention(tenantId);
    }

    private static Tenant named(Tenant tenant) {
        return tenant.name() == null
                ? new Tenant(
                        tenant.id(), tenant.id(), tenant.unknownDevicePolicy(), tenant.retention())
                : tenant;
    }

    private static void requireIdentifier(String what, String id) {
        if (id == null || !Identifiers.isValid(id)) {
            throw new IllegalArgumentException(
                    what + " id '" + id + "' does not match " + Identifiers.PATTERN);
        }
    }
}
