package io.armature.core.internal.driver;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.driver.CommandNotRoutableException;
import io.armature.api.driver.CommandRecord;
import io.armature.api.driver.DeviceCommands;
import io.armature.api.driver.DriverInfo;
import io.armature.api.driver.DriverMonitor;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.sample.IngestService;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Supervises every {@link ProtocolDriver} service: one {@link DriverSlot} per driver id, each with
 * its own worker thread; a shared timer for retries and timeouts. Also routes device commands to
 * the driver that owns the device. Changed timings apply to drivers (re)attached afterwards.
 */
@Component(
        name = DriverSupervisor.PID,
        service = {DriverMonitor.class, DeviceCommands.class},
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
@Designate(ocd = SupervisorConfig.class)
public final class DriverSupervisor implements DriverMonitor, DeviceCommands {
    /** The supervisor's configuration PID. */
    public static final String PID = "io.armature.core.drivers";

    private final Map<String, DriverSlot> slots = new ConcurrentHashMap<>();
    private final DeviceOwners owners = new DeviceOwners();
    private final ScheduledThreadPoolExecutor timer;
    private final Clock clock;
    private final CommandRouter commands;
    private volatile DriverSlot.Timings timings;
    private final Supplier<IngestService> ingestNow;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IngestService ingest;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry registry;

    @Activate
    public DriverSupervisor(SupervisorConfig config) {
        this(config, Clock.systemUTC(), null, null);
    }

    /** For tests: a fixed ingest and registry instead of the references. */
    DriverSupervisor(
            SupervisorConfig config,
            Clock clock,
            Supplier<IngestService> ingestOverride,
            Supplier<DeviceRegistry> registryOverride) {
        this.clock = clock;
        this.timings = timings(config);
        this.timer =
                new ScheduledThreadPoolExecutor(
                        1,
                        r -> {
                            Thread thread = Executors.defaultThreadFactory().newThread(r);
                            thread.setName("armature-driver-timer");
                            thread.setDaemon(true);
                            return thread;
                        });
        timer.setRemoveOnCancelPolicy(true);
        Supplier<IngestService> ingestNow = ingestOverride != null ? ingestOverride : () -> ingest;
        this.ingestNow = ingestNow;
        this.commands =
                new CommandRouter(
                        owners,
                        slots::get,
                        registryOverride != null ? registryOverride : () -> registry,
                        timer,
                        clock);
    }

    @Modified
    void modified(SupervisorConfig config) {
        timings = timings(config);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addDriver(ProtocolDriver driver, Map<String, Object> properties) {
        slots.computeIfAbsent(
                        driverId(properties),
                        id -> new DriverSlot(id, () -> timings, timer, clock, this::newContext))
                .attach(driver, (Long) properties.get(Constants.SERVICE_ID));
    }

    public void removeDriver(ProtocolDriver driver, Map<String, Object> properties) {
        DriverSlot slot = slots.get(driverId(properties));
        if (slot != null) {
            slot.detach((Long) properties.get(Constants.SERVICE_ID));
        }
    }

    @Deactivate
    public void close() throws InterruptedException {
        for (DriverSlot slot : slots.values()) {
            slot.close();
        }
        timer.shutdownNow();
    }

    @Override
    public List<DriverInfo> drivers() {
        return slots.values().stream()
                .filter(DriverSlot::isAttached)
                .map(slot -> slot.info(owners.ownedBy(slot.id)))
                .sorted(Comparator.comparing(DriverInfo::id))
                .toList();
    }

    @Override
    public Optional<DriverInfo> driver(String id) {
        DriverSlot slot = slots.get(id);
        return slot == null || !slot.isAttached()
                ? Optional.empty()
                : Optional.of(slot.info(owners.ownedBy(id)));
    }

    @Override
    public Optional<ProtocolDriver> instance(String id) {
        DriverSlot slot = slots.get(id);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.attachedInstance());
    }

    @Override
    public boolean restart(String id) {
        DriverSlot slot = slots.get(id);
        return slot != null && slot.restart();
    }

    @Override
    public CommandRecord submit(
            String tenant,
            String device,
            String name,
            Map<String, Object> arguments,
            Duration timeout)
            throws CommandNotRoutableException {
        return commands.submit(tenant, device, name, arguments, timeout);
    }

    @Override
    public List<CommandRecord> commands(String tenant, String device) {
        return commands.commands(tenant, device);
    }

    @Override
    public Optional<CommandRecord> command(String tenant, String device, String id) {
        return commands.command(tenant, device, id);
    }

    private SlotContext newContext(DriverSlot slot, long attempt) {
        return new SlotContext(slot, attempt, ingestNow, owners);
    }

    /** The id a driver service is known by: its PID, else its component name, else its id. */
    static String driverId(Map<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (pid instanceof String s) {
            return s;
        }
        Object name = properties.get("component.name");
        return name != null ? name.toString() : "driver-" + properties.get(Constants.SERVICE_ID);
    }

    private static DriverSlot.Timings timings(SupervisorConfig config) {
        return new DriverSlot.Timings(
                Duration.ofMillis(Math.max(1, config.firstRetryMillis())),
                Duration.ofSeconds(Math.max(1, config.maxRetrySeconds())),
                Duration.ofSeconds(Math.max(1, config.stablePeriodSeconds())),
                Duration.ofSeconds(Math.max(1, config.startTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, config.stopTimeoutSeconds())));
    }
}
