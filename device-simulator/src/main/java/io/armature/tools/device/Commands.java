package io.armature.tools.device;

import io.armature.driver.grpc.internal.v1.Command;
import io.armature.sensor.models.internal.simulator.SimulatedSensor;
import java.util.List;
import java.util.Map;

/**
 * The commands this device answers, as the in-runtime simulator does: {@code set_offset}, {@code
 * inject_spike} ({@code value}, {@code sensor}?), {@code pause}, {@code resume}.
 */
final class Commands {
    private final HubClient client;
    private final List<SimulatedSensor> sensors;
    private volatile boolean paused;

    Commands(HubClient client, List<SimulatedSensor> sensors) {
        this.client = client;
        this.sensors = sensors;
    }

    boolean paused() {
        return paused;
    }

    void handle(Command command, Map<String, Object> arguments) {
        String answer;
        boolean ok = true;
        switch (command.getName()) {
            case "pause" -> {
                paused = true;
                answer = "paused";
            }
            case "resume" -> {
                paused = false;
                answer = "resumed";
            }
            case "set_offset", "inject_spike" -> {
                Object value = arguments.get("value");
                Object sensor = arguments.get("sensor");
                List<SimulatedSensor> targets =
                        sensors.stream()
                                .filter(s -> sensor == null || s.spec().identifier().equals(sensor))
                                .toList();
                if (!(value instanceof Double number) || targets.isEmpty()) {
                    ok = false;
                    answer = "needs a number 'value' and, if given, a known 'sensor'";
                } else {
                    for (SimulatedSensor s : targets) {
                        if (command.getName().equals("set_offset")) {
                            s.setCommandOffset(number);
                        } else {
                            s.injectSpike(number);
                        }
                    }
                    answer =
                            command.getName()
                                    + " "
                                    + number
                                    + " on "
                                    + targets.size()
                                    + " sensor(s)";
                }
            }
            default -> {
                ok = false;
                answer = "unknown command '" + command.getName() + "'";
            }
        }
        System.out.println("command " + command.getName() + ": " + answer);
        client.answer(command.getId(), ok, answer);
    }
}
