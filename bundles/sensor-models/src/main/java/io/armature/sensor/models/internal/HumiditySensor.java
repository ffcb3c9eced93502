package io.armature.sensor.models.internal;

import io.armature.api.sensor.SensorType;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** {@code humidity}: relative humidity in %, indoor ARMA(4, 3) simulation. */
@Component(service = SensorType.class, property = "armature.sensor.type=humidity")
public final class HumiditySensor extends BuiltInSensorType {
    public HumiditySensor() {
        super(
                "humidity",
                "Relative humidity sensor (%, 0 to 100)",
                Duration.ofSeconds(10),
                List.of(new Simulated(StandardModels.HUMIDITY_SPEC, StandardModels.HUMIDITY)));
    }
}
