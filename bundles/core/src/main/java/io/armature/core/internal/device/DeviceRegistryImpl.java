package io.armature.core.internal.device;

import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.DeviceStatus;
import io.armature.api.device.DeviceStatusChange;
import io.armature.api.device.DeviceStatusListener;
import io.armature.api.device.MetricInfo;
import io.armature.api.device.Tenant;
import io.armature.api.device.UnknownDevicePolicy;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import io.armature.core.internal.feature.RuntimeHome;
import io.armature.core.internal.ingest.SampleValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device registry: tenants, devices and metrics held in memory (ingest consults it for every
 * batch) and written through to {@code data/registry/registry.json}. A maintenance thread derives
 * device status from the last sign of life, records and publishes transitions, saves last-seen
 * times and applies each tenant's retention to the storage backends.
 */
@Component(service = {DeviceRegistry.class, DeviceRegistryImpl.class})
@Designate(ocd = DeviceRegistryImpl.Config.class)
public final class DeviceRegistryImpl implements DeviceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistryImpl.class);

    @ObjectClassDefinition(
            name = "Armature device registry",
            description = "Tenants, devices, device status and retention")
    public @interface Config {
        @AttributeDefinition(
                name = "Status timeout (s)",
                description = "A device is online while seen within this time",
                min = "1")
        long statusTimeoutSeconds() default 20;

        @AttributeDefinition(
                name = "Create unknown tenants",
                description =
                        "Samples for a tenant that does not exist create it (with the auto-register"
                                + " device policy); otherwise they are rejected as unknown_tenant")
        boolean autoCreateTenants() default true;

        @AttributeDefinition(
                name = "Retention check (min)",
                description = "How often each tenant's retention is applied",
                min = "1")
        long retentionCheckMinutes() default 60;
    }

    private static final long SAVE_LAST_SEEN_MS = 30_000;

    private final Map<String, TenantEntry> tenants = new ConcurrentHashMap<>();
    private final RegistryFile file;
    private final Clock clock;
    private volatile long timeoutMillis;
    private volatile boolean autoCreateTenants;
    private final long retentionCheckMillis;
    private final List<TimeSeriesStore> stores = new CopyOnWriteArrayList<>();
    private final List<DeviceStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService maintenance =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "armature-device-status"));
    private final ExecutorService notifier =
            Executors.newSingleThreadExecutor(r -> daemon(r, "armature-device-events"));
    private volatile boolean lastSeenDirty;

    @Activate
    public DeviceRegistryImpl(BundleContext context, Config config) {
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
        this.file = new RegistryFile(file);
        this.clock = clock;
        this.timeoutMillis = statusTimeout.toMillis();
        this.autoCreateTenants = autoCreateTenants;
        this.retentionCheckMillis = retentionCheck.toMillis();
        try {
            tenants.putAll(this.file.load());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read the device registry " + file + ": " + e.getMessage(), e);
        }
        long period = Math.max(100, Math.min(1_000, timeoutMillis / 4));
        maintenance.scheduleWithFixedDelay(
                this::checkStatuses, period, period, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(
                this::saveLastSeen, SAVE_LAST_SEEN_MS, SAVE_LAST_SEEN_MS, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(
                this::applyRetention, 10_000, retentionCheckMillis, TimeUnit.MILLISECONDS);
    }

    /** A new status timeout or tenant policy applies at once (the retention period at restart). */
    @org.osgi.service.component.annotations.Modified
    void modified(Config config) {
        timeoutMillis = Duration.ofSeconds(config.statusTimeoutSeconds()).toMillis();
        autoCreateTenants = config.autoCreateTenants();
        LOG.info(
                "device status timeout {} s, unknown tenants {}",
                config.statusTimeoutSeconds(),
                autoCreateTenants ? "created" : "rejected");
    }

    @Deactivate
    public void deactivate() {
        maintenance.shutdownNow();
        notifier.shutdown();
        try {
            maintenance.awaitTermination(5, TimeUnit.SECONDS);
            notifier.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        save();
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
        listeners.add(listener);
    }

    public void removeListener(DeviceStatusListener listener) {
        listeners.remove(listener);
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
        synchronized (this) {
            if (tenants.containsKey(tenant.id())) {
                throw new IllegalStateException("tenant '" + tenant.id() + "' exists already");
            }
            tenants.put(tenant.id(), new TenantEntry(named(tenant), clock.instant()));
            save();
        }
        LOG.info("tenant {} created", tenant.id());
        applyRetentionSoon(tenant.id());
        return tenant(tenant.id()).orElseThrow();
    }

    @Override
    public Tenant updateTenant(Tenant tenant) {
        synchronized (this) {
            TenantEntry entry = requireTenant(tenant.id());
            entry.tenant = named(tenant);
            save();
        }
        applyRetentionSoon(tenant.id());
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
        synchronized (this) {
            tenants.remove(tenantId);
            save();
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
                .map(d -> d.snapshot(now, timeoutMillis))
                .sorted(Comparator.comparing(Device::id))
                .toList();
    }

    @Override
    public Optional<Device> device(String tenantId, String deviceId) {
        return entry(tenantId, deviceId).map(d -> d.snapshot(clock.millis(), timeoutMillis));
    }

    @Override
    public Optional<Instant> lastSeen(String tenantId, String deviceId) {
        return entry(tenantId, deviceId).map(DeviceEntry::lastSeen);
    }

    @Override
    public Device register(Device device) {
        requireIdentifier("device", device.id());
        synchronized (this) {
            TenantEntry tenant = requireTenant(device.tenant());
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
                                clock.instant()));
            } else {
                existing.name = device.name() == null ? existing.name : device.name();
                existing.type = device.type();
                existing.tags = device.tags();
            }
            save();
        }
        return device(device.tenant(), device.id()).orElseThrow();
    }

    @Override
    public boolean deleteDevice(String tenantId, String deviceId)
            throws StorageUnavailableException {
        if (entry(tenantId, deviceId).isEmpty()) {
            return false;
        }
        for (TimeSeriesStore store : stores) {
            store.deleteDevice(tenantId, deviceId);
        }
        synchronized (this) {
            TenantEntry tenant = tenants.get(tenantId);
            if (tenant != null) {
                tenant.devices.remove(deviceId);
            }
            save();
        }
        return true;
    }

    @Override
    public List<MetricInfo> metrics(String tenantId, String deviceId) {
        return entry(tenantId, deviceId)
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
        DeviceEntry device =
                entry(tenantId, deviceId)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no device '"
                                                        + deviceId
                                                        + "' in tenant '"
                                                        + tenantId
                                                        + "'"));
        synchronized (this) {
            MetricInfo before = device.metrics.get(metric.id());
            if (metric.equals(before)) {
                return metric;
            }
            device.metrics.put(metric.id(), metric);
            save();
        }
        return metric;
    }

    @Override
    public void heartbeat(String tenantId, String deviceId) {
        entry(tenantId, deviceId)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no device '"
                                                + deviceId
                                                + "' in tenant '"
                                                + tenantId
                                                + "'"))
                .seen(clock.millis());
        lastSeenDirty = true;
    }

    @Override
    public List<DeviceStatusChange> statusHistory(String tenantId, String deviceId) {
        return entry(tenantId, deviceId).map(DeviceEntry::history).orElse(List.of());
    }

    // ---- ingest

    /** Admission of the samples of one batch; see {@link Admission}. */
    public Admission admission() {
        return new Admission(this, clock.millis());
    }

    /** The tenant's entry, created when unknown tenants are auto-created; null otherwise. */
    TenantEntry tenantForIngest(String tenantId) {
        TenantEntry entry = tenants.get(tenantId);
        if (entry != null || !autoCreateTenants) {
            return entry;
        }
        synchronized (this) {
            return tenants.computeIfAbsent(
                    tenantId,
                    id -> {
                        LOG.info("tenant {} created by its first sample", id);
                        return new TenantEntry(
                                new Tenant(id, id, UnknownDevicePolicy.AUTO_REGISTER, null),
                                clock.instant());
                    });
        }
    }

    DeviceEntry registerForIngest(TenantEntry tenant, String deviceId) {
        return tenant.devices.computeIfAbsent(
                deviceId,
                id -> new DeviceEntry(tenant.tenant.id(), id, id, null, Map.of(), clock.instant()));
    }

    void markLastSeenDirty() {
        lastSeenDirty = true;
    }

    // ---- maintenance

    /** Detects status transitions; runs on the maintenance thread (and from tests). */
    void checkStatuses() {
        long now = clock.millis();
        for (TenantEntry tenant : tenants.values()) {
            for (DeviceEntry device : tenant.devices.values()) {
                DeviceStatus status = device.statusAt(now, timeoutMillis);
                DeviceStatus before = device.reportedStatus;
                if (status != before) {
                    device.reportedStatus = status;
                    DeviceStatusChange change =
                            new DeviceStatusChange(
                                    device.tenant,
                                    device.id,
                                    before,
                                    status,
                                    Instant.ofEpochMilli(now));
                    device.record(change);
                    lastSeenDirty = true;
                    publish(change);
                }
            }
        }
    }

    private void publish(DeviceStatusChange change) {
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

    private void saveLastSeen() {
        if (lastSeenDirty) {
            lastSeenDirty = false;
            save();
        }
    }

    private void applyRetentionSoon(String tenantId) {
        if (!maintenance.isShutdown()) {
            maintenance.execute(() -> applyRetention(tenantId));
        }
    }

    private void applyRetention() {
        tenants.keySet().forEach(this::applyRetention);
    }

    /** Drops raw data older than the tenant's retention from every backend. */
    public void applyRetention(String tenantId) {
        TenantEntry entry = tenants.get(tenantId);
        if (entry == null || entry.tenant.retention() == null) {
            return;
        }
        Instant cutoff = clock.instant().minus(entry.tenant.retention());
        for (TimeSeriesStore store : stores) {
            try {
                int dropped = store.dropBefore(tenantId, cutoff);
                if (dropped > 0) {
                    LOG.info(
                            "retention of tenant {}: {} dropped {} partition(s) before {}",
                            tenantId,
                            store.id(),
                            dropped,
                            cutoff);
                }
            } catch (StorageUnavailableException | RuntimeException e) {
                LOG.warn(
                        "retention of tenant {} on {} not applied now: {}",
                        tenantId,
                        store.id(),
                        e.toString());
            }
        }
    }

    synchronized void save() {
        try {
            file.save(tenants.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the device registry " + file.path(), e);
        }
    }

    private Optional<DeviceEntry> entry(String tenantId, String deviceId) {
        TenantEntry tenant = tenants.get(tenantId);
        return tenant == null
                ? Optional.empty()
                : Optional.ofNullable(tenant.devices.get(deviceId));
    }

    private TenantEntry requireTenant(String tenantId) {
        TenantEntry entry = tenants.get(tenantId);
        if (entry == null) {
            throw new IllegalArgumentException("no tenant '" + tenantId + "'");
        }
        return entry;
    }

    private static Tenant named(Tenant tenant) {
        return tenant.name() == null
                ? new Tenant(
                        tenant.id(), tenant.id(), tenant.unknownDevicePolicy(), tenant.retention())
                : tenant;
    }

    private static void requireIdentifier(String what, String id) {
        if (id == null || !SampleValidator.isIdentifier(id)) {
            throw new IllegalArgumentException(
                    what + " id '" + id + "' does not match [A-Za-z0-9_.:-]{1,64}");
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
