package io.armature.api.sensor;

import java.time.Instant;
import java.util.Map;

/**
 * Generates the values of one simulated device. Not thread-safe: one simulator per device, called
 * from one thread with non-decreasing times. Obtained from {@link SensorType#simulator}; nothing in
 * the runtime runs simulators yet.
 */
public interface SensorSimulator {
    /**
     * The next value of every metric of the sensor type at the given time.
     *
     * @return metric id to value, one entry per {@link SensorType#metrics()}
     */
    Map<String, Double> next(Instant time);
}
