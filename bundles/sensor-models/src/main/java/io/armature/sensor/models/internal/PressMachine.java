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
 * {@code press}: a hydraulic press, the kind of machine a builder connects, and an example of a
 * machine-cycle simulator (not ARMA): each cycle of 10 steps presses for 6 (force rising and
 * falling as a half sine to about 800 kN, with 2 % noise) and opens for 4 (force 0); the cycle
 * counter counts finished cycles; the oil temperature is ARMA(2, 1) around 45 °C.
 */
@Component(service = SensorType.class, property = "armature.sensor.type=press")
public final class PressMachine extends BuiltInSensorType {
    static final MetricSpec FORCE = new MetricSpec("force", "kN", "Press force", 0, 2_000);
    static final MetricSpec TEMPERATURE =
            new MetricSpec("temperature", "Cel", "Oil temperature", -40, 125);
    static final MetricSpec CYCLES =
            new MetricSpec("cycles", "1", "Cycles", 0, Double.POSITIVE_INFINITY);
    private static final ArmaModel OIL =
            new ArmaModel(
                    45,
                    StandardModels.TEMPERATURE.ar(),
                    StandardModels.TEMPERATURE.ma(),
                    StandardModels.TEMPERATURE.variance() * 4);
    private static final int CYCLE = 10;
    private static final int PRESSING = 6;
    private static final double PEAK_KN = 800;

    public PressMachine() {
        super(
                "press",
                "Hydraulic press: force (kN) through each cycle, oil temperature (°C), cycle count",
                Duration.ofSeconds(1),
                List.of(
                        new Simulated(FORCE, constant()),
                        new Simulated(TEMPERATURE, OIL),
                        new Simulated(CYCLES, constant())));
    }

    private static ArmaModel constant() {
        return new ArmaModel(0, new double[0], new double[0], 0);
    }

    @Override
    public SensorSimulator simulator(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ArmaProcess oil = OIL.process(random.split());
        long[] step = {0};
        return () -> {
            int phase = (int) (step[0] % CYCLE);
            double force =
                    phase < PRESSING
                            ? PEAK_KN
                                    * Math.sin(Math.PI * (phase + 0.5) / PRESSING)
                                    * (1 + 0.02 * random.nextGaussian())
                            : 0;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(FORCE.id(), clamp(FORCE, force));
            values.put(TEMPERATURE.id(), clamp(TEMPERATURE, oil.next()));
            values.put(CYCLES.id(), (double) (step[0] / CYCLE));
            step[0]++;
            return values;
        };
    }
}
