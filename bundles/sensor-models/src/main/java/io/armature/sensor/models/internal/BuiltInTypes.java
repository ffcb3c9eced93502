package io.armature.sensor.models.internal;

import io.armature.api.sensor.SensorType;
import java.util.List;

/** Every sensor type of this bundle, outside OSGi (the standalone device simulator uses them). */
public final class BuiltInTypes {
    private BuiltInTypes() {}

    /** New instances of the built-in types. */
    public static List<SensorType> all() {
        return List.of(
                new TemperatureSensor(),
                new HumiditySensor(),
                new PressureSensor(),
                new AirSensor(),
                new PowerConsumption(),
                new HeatPumpController(),
                new PressMachine());
    }
}
