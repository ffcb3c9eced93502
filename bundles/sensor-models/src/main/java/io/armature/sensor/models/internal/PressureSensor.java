package io.armature.sensor.models.internal;

import io.armature.api.sensor.SensorType;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** {@code pressure}: barometric pressure in hPa, AR(1) simulation. */
@Component(service = SensorType.class, property = "armature.sensor.type=pressure")
public final class PressureSensor extends BuiltInSensorType {
    public PressureSensor() {
        super(
                "pressure",
                "Barometric pressure sensor (hPa, 300 to 1100)",
                Duration.ofSeconds(60),
                List.of(new Simulated(StandardModels.PRESSURE_SPEC, StandardModels.PRESSURE)));
    }
}
