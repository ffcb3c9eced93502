package io.armature.sensor.models.internal;

import io.armature.api.sensor.MetricSpec;
import io.armature.api.sensor.SensorSimulator;
import io.armature.api.sensor.SensorType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * {@code powerConsumption}, the smart-house group: power in W and the energy meter's reading in
 * kW·h. Simulated power is ARMA(1, 1) around 800 W; energy is its running integral over the
 * sampling interval, so it never decreases.
 */
@Component(service = SensorType.class, property = "armature.sensor.type=powerConsumption")
public final class PowerConsumption extends BuiltInSensorType {
    static final MetricSpec POWER = new MetricSpec("power", "W", "Power", 0, 100_000);
    static final MetricSpec ENERGY =
            new MetricSpec("energy", "kW.h", "Energy (meter reading)", 0, Double.POSITIVE_INFINITY);

    public PowerConsumption() {
        super(
                "powerConsumption",
                "Smart-house power meter: power (W) and cumulative energy (kW·h)",
                Duration.ofSeconds(10),
                List.of(
                        new Simulated(POWER, StandardModels.POWER),
                        new Simulated(ENERGY, StandardModels.POWER)));
    }

    @Override
    public SensorSimulator simulator(long seed) {
        ArmaProcess power = StandardModels.POWER.process(new SplittableRandom(seed));
        double hours = samplingInterval().toMillis() / 3_600_000.0;
        double[] energy = {0};
        return () -> {
            double watts = clamp(POWER, power.next());
            energy[0] += watts * hours / 1000;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(POWER.id(), watts);
            values.put(ENERGY.id(), energy[0]);
            return values;
        };
    }
}
