package io.armature.sensor.models.internal;

import io.armature.api.sensor.SensorType;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** {@code airSensor}, the smart-house group: temperature and humidity of one room. */
@Component(service = SensorType.class, property = "armature.sensor.type=airSensor")
public final class AirSensor extends BuiltInSensorType {
    public AirSensor() {
        super(
                "airSensor",
                "Smart-house air sensor: room temperature (°C) and relative humidity (%)",
                Duration.ofSeconds(60),
                List.of(
                        new Simulated(StandardModels.TEMPERATURE_SPEC, StandardModels.TEMPERATURE),
                        new Simulated(StandardModels.HUMIDITY_SPEC, StandardModels.HUMIDITY)));
    }
}
