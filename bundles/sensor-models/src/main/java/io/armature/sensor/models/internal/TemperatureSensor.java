package io.armature.sensor.models.internal;

import io.armature.api.sensor.SensorType;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** {@code temperature}: one temperature metric in °C, indoor ARMA(2, 1) simulation. */
@Component(service = SensorType.class, property = "armature.sensor.type=temperature")
public final class TemperatureSensor extends BuiltInSensorType {
    public TemperatureSensor() {
        super(
                "temperature",
                "Temperature sensor (°C, -40 to 125)",
                Duration.ofSeconds(10),
                List.of(
                        new Simulated(
                                StandardModels.TEMPERATURE_SPEC, StandardModels.TEMPERATURE)));
    }
}
