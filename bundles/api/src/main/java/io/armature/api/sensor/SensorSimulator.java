package io.armature.api.sensor;

import java.util.Map;

/**
 * Generates the values of one simulated device, one step at a time. Not thread-safe: one simulator
 * per device, called from one thread. Obtained from {@link SensorType#simulator}; a plugin that
 * models a customer's machine (a press cycle, say) provides its own sensor type with its own
 * simulator.
 */
public interface SensorSimulator {
    /**
     * The values of the next step (one sampling interval after the previous one) of every metric of
     * the sensor type, before perturbations and rounding.
     *
     * @return metric id to value, one entry per {@link SensorType#metrics()}
     */
    Map<String, Double> next();
}
