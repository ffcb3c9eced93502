package io.armature.sensor.models.internal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.DeviceCommand;
import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverType;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.sample.Identifiers;
import io.armature.api.storage.TimeSeriesStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A simulated device: one factory configuration of {@value #PID} per device. On start it registers
 * its tenant and device when absent, back-fills the ranges its sensors ask for on a thread of its
 * own, and then produces each sensor's samples at its sampling interval, sending heartbeats in
 * between. Commands {@code set_offset}, {@code inject_spike}, {@code pause} and {@code resume}
 * change its output. A sensor type that is not registered (yet) fails the start, so the supervisor
 * retries it with backoff until the plugin providing it is there.
 */
@Component(
        configurationPid = SimulatorDriver.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ProtocolDriver.class)
@Designate(ocd = SimulatorConfig.class, factory = true)
@DriverType("simulator")
public final class SimulatorDriver implements ProtocolDriver {
    /** Factory PID of simulated devices. */
    public static final String PID = "io.armature.sensor.models.simulator";

    static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatorConfig config;
    private final List<JsonNode> sensorBodies;
    private final Clock clock;
    private final List<TimeSeriesStore> stores = new CopyOnWriteArrayList<>();
    private final Backfills backfills = new Backfills();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry registry;

    private volatile Running running;

    private final SensorTypeCatalog types;

    @Activate
    public SimulatorDriver(SimulatorConfig config, @Reference SensorTypeCatalog types) {
        this(config, types, Clock.systemUTC());
    }

    SimulatorDriver(SimulatorConfig config, SensorTypeCatalog types, Clock clock) {
        this.config = config;
        this.types = types;
        this.clock = clock;
        for (String[] id :
                new String[][] {{"tenant", config.tenant()}, {"device", config.device()}}) {
            if (!Identifiers.isValid(id[1])) {
                throw new IllegalArgumentException(
                        id[0] + " '" + id[1] + "' does not match " + Identifiers.PATTERN);
            }
        }
        List<JsonNode> bodies = new ArrayList<>();
        String[] sensors = config.sensors() == null ? new String[0] : config.sensors();
        for (int i = 0; i < sensors.length; i++) {
            try {
                bodies.add(JSON.readTree(sensors[i]));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "sensors[" + i + "] is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        this.sensorBodies = List.copyOf(bodies);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStore(TimeSeriesStore store) {
        stores.add(store);
    }

    void removeStore(TimeSeriesStore store) {
        stores.remove(store);
    }

    /** The sensors of the configuration, checked against the registered types. */
    List<SensorSpec> specs() {
        List<String> errors = new ArrayList<>();
        List<SensorSpec> specs = new ArrayList<>();
        for (int i = 0; i < sensorBodies.size(); i++) {
            SensorSpec spec =
                    SensorSpec.parse(
                            sensorBodies.get(i), types::get, "sensors[" + i + "].", errors);
            if (spec != null) {
                specs.add(spec);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return specs;
    }

    @Override
    public void start(DriverContext context) throws Exception {
        List<SensorSpec> specs = specs();
        List<SimulatedSensor> sensors = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            SensorSpec spec = specs.get(i);
            long seed = spec.seedOr(config.seed(), i);
            sensors.add(new SimulatedSensor(spec, types.get(spec.type()), seed));
        }
        DeviceRegistry devices = registry;
        if (devices != null) {
            Registration.ensure(devices, config, sensors);
        }
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "armature-simulator-" + context.driverId());
                            t.setDaemon(true);
                            return t;
                        });
        Running run = new Running(context, config, sensors, scheduler, clock, () -> registry);
        running = run;
        run.start();
        backfills.start(context, config, specs, types, stores, run::failed);
    }

    @Override
    public void stop() {
        backfills.stop();
        Running run = running;
        running = null;
        if (run != null) {
            run.stop();
        }
    }

    @Override
    public boolean acceptsCommands() {
        return true;
    }

    @Override
    public void execute(DeviceCommand command, CommandCallback callback) {
        Running run = running;
        if (run == null) {
            callback.refused("the simulated device is not running");
            return;
        }
        Commands.execute(run, command, callback);
    }
}
