package io.armature.sensor.models.internal.simulator;

import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.DeviceCommand;
import java.util.List;

/**
 * The commands a simulated device understands: {@code set_offset {"value", "sensor"?}} (added to
 * every following sample), {@code inject_spike {"value", "sensor"?}} (added to the next sample
 * only), {@code pause} and {@code resume} (samples stop and start; heartbeats go on). Without
 * {@code sensor} a command applies to every sensor of the device.
 */
final class Commands {
    static final List<String> NAMES = List.of("set_offset", "inject_spike", "pause", "resume");

    private Commands() {}

    static void execute(Running run, DeviceCommand command, CommandCallback callback) {
        switch (command.name()) {
            case "pause" -> {
                run.paused(true);
                callback.succeeded("{\"paused\":true}");
            }
            case "resume" -> {
                run.paused(false);
                callback.succeeded("{\"paused\":false}");
            }
            case "set_offset", "inject_spike" -> adjust(run, command, callback);
            default ->
                    callback.refused(
                            "unknown command '"
                                    + command.name()
                                    + "'; a simulated device knows "
                                    + NAMES);
        }
    }

    private static void adjust(Running run, DeviceCommand command, CommandCallback callback) {
        Object value = command.arguments().get("value");
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            callback.refused("argument 'value' must be a finite number");
            return;
        }
        Object sensorArgument = command.arguments().get("sensor");
        if (sensorArgument != null && !(sensorArgument instanceof String)) {
            callback.refused("argument 'sensor' must be a sensor identifier");
            return;
        }
        List<SimulatedSensor> targets =
                run.sensors().stream()
                        .filter(
                                s ->
                                        sensorArgument == null
                                                || s.spec().identifier().equals(sensorArgument))
                        .toList();
        if (targets.isEmpty()) {
            callback.refused("no sensor '" + sensorArgument + "' on this device");
            return;
        }
        for (SimulatedSensor sensor : targets) {
            if (command.name().equals("set_offset")) {
                sensor.setCommandOffset(number.doubleValue());
            } else {
                sensor.injectSpike(number.doubleValue());
            }
        }
        callback.succeeded(
                "{\""
                        + command.name()
                        + "\":"
                        + number.doubleValue()
                        + ",\"sensors\":"
                        + targets.stream().map(s -> "\"" + s.spec().identifier() + "\"").toList()
                        + "}");
    }
}
