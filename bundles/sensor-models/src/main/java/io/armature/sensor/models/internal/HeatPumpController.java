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
 * {@code heatPumpController}, the smart-house group: set point and room temperature in °C and the
 * operating mode as a state code ({@code 0 off, 1 heating, 2 cooling}). Simulated: a fixed set
 * point of 21 °C, the room temperature an ARMA(2, 1) process just below it, and the mode switching
 * with a 0.3 °C hysteresis around the set point, as a thermostat does.
 */
@Component(service = SensorType.class, property = "armature.sensor.type=heatPumpController")
public final class HeatPumpController extends BuiltInSensorType {
    static final MetricSpec SET_POINT = new MetricSpec("setPoint", "Cel", "Set point", 5, 35);
    static final MetricSpec ROOM_TEMPERATURE =
            new MetricSpec("roomTemperature", "Cel", "Room temperature", -40, 125);
    static final MetricSpec MODE =
            MetricSpec.ofStates("mode", "Mode", List.of("off", "heating", "cooling"));
    private static final double SET_POINT_CELSIUS = 21;
    private static final double HYSTERESIS = 0.3;
    private static final ArmaModel ROOM =
            new ArmaModel(
                    SET_POINT_CELSIUS - 0.2,
                    StandardModels.TEMPERATURE.ar(),
                    StandardModels.TEMPERATURE.ma(),
                    StandardModels.TEMPERATURE.variance());

    public HeatPumpController() {
        super(
                "heatPumpController",
                "Smart-house heat pump controller: set point and room temperature (°C), mode"
                        + " (0 off, 1 heating, 2 cooling)",
                Duration.ofSeconds(60),
                List.of(
                        new Simulated(SET_POINT, constant(SET_POINT_CELSIUS)),
                        new Simulated(ROOM_TEMPERATURE, ROOM),
                        new Simulated(MODE, constant(0))));
    }

    private static ArmaModel constant(double value) {
        return new ArmaModel(value, new double[0], new double[0], 0);
    }

    @Override
    public SensorSimulator simulator(long seed) {
        ArmaProcess room = ROOM.process(new SplittableRandom(seed));
        int[] mode = {0};
        return () -> {
            double temperature = clamp(ROOM_TEMPERATURE, room.next());
            if (temperature < SET_POINT_CELSIUS - HYSTERESIS) {
                mode[0] = 1;
            } else if (temperature > SET_POINT_CELSIUS + HYSTERESIS) {
                mode[0] = mode[0] == 1 ? 0 : 2;
            } else if (mode[0] == 2 && temperature < SET_POINT_CELSIUS) {
                mode[0] = 0;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(SET_POINT.id(), SET_POINT_CELSIUS);
            values.put(ROOM_TEMPERATURE.id(), temperature);
            values.put(MODE.id(), (double) mode[0]);
            return values;
        };
    }
}
