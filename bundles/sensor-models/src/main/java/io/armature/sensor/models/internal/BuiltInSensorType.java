package io.armature.sensor.models.internal;

import io.armature.api.sensor.MetricSpec;
import io.armature.api.sensor.SensorSimulator;
import io.armature.api.sensor.SensorType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sensor type of this bundle: its metrics, each simulated by its own ARMA process (independent
 * random streams split from the seed) and kept within the metric's range. Types whose metrics
 * depend on each other override {@link #simulator}.
 */
abstract class BuiltInSensorType implements SensorType {
    /** A metric and the ARMA model that simulates it. */
    record Simulated(MetricSpec spec, ArmaModel model) {}

    private final String id;
    private final String description;
    private final Duration samplingInterval;
    private final List<Simulated> simulated;
    private final List<MetricSpec> metrics;

    BuiltInSensorType(
            String id, String description, Duration samplingInterval, List<Simulated> simulated) {
        this.id = id;
        this.description = description;
        this.samplingInterval = samplingInterval;
        this.simulated = List.copyOf(simulated);
        this.metrics = simulated.stream().map(Simulated::spec).toList();
        simulated.forEach(s -> s.model().validated());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<MetricSpec> metrics() {
        return metrics;
    }

    @Override
    public Duration samplingInterval() {
        return samplingInterval;
    }

    /** The ARMA model of each metric. */
    List<Simulated> simulated() {
        return simulated;
    }

    @Override
    public SensorSimulator simulator(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<ArmaProcess> processes = new ArrayList<>();
        for (Simulated s : simulated) {
            processes.add(s.model().process(root.split()));
        }
        return () -> {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = 0; i < simulated.size(); i++) {
                MetricSpec spec = simulated.get(i).spec();
                values.put(spec.id(), clamp(spec, processes.get(i).next()));
            }
            return values;
        };
    }

    static double clamp(MetricSpec spec, double value) {
        return Math.max(spec.min(), Math.min(spec.max(), value));
    }
}
