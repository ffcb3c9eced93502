package io.armature.sensor.models.internal.simulator;

import io.armature.api.sample.Sample;
import io.armature.api.sensor.MetricSpec;
import io.armature.api.sensor.SensorSimulator;
import io.armature.api.sensor.SensorType;
import io.armature.sensor.models.internal.ArmaModel;
import io.armature.sensor.models.internal.ArmaProcess;
import io.armature.sensor.models.internal.Perturbation;
import io.armature.sensor.models.internal.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One running simulated sensor: its type's simulator (or a metric's own ARMA model), then per
 * metric {@code X̃_t = X_t + ε_t + S_t + D_t + offset} (plus what commands added), rounded to the
 * metric's resolution. Step {@code t} counts samples from 0. Not thread-safe: the driver calls it
 * from one thread at a time.
 */
public final class SimulatedSensor {
    private final SensorSpec spec;
    private final List<MetricSpec> metrics;
    private final List<String> metricIds;
    private final List<Resolution> resolutions = new ArrayList<>();
    private final SensorSimulator simulator;
    private final List<ArmaProcess> ownModels = new ArrayList<>(); // per metric, or null
    private final SplittableRandom noise;
    private long step;
    private volatile double commandOffset;
    private volatile double pendingSpike;

    public SimulatedSensor(SensorSpec spec, SensorType type, long seed) {
        this.spec = spec;
        this.metrics = type.metrics();
        this.metricIds = metricIds(spec.identifier(), metrics);
        for (int i = 0; i < metrics.size(); i++) {
            resolutions.add(new Resolution(spec.setup(i).resolution()));
        }
        this.simulator = type.simulator(seed);
        this.noise = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        SplittableRandom models = new SplittableRandom(seed ^ 0x632BE59BD9B4E019L);
        for (int i = 0; i < metrics.size(); i++) {
            ArmaModel model = spec.setup(i).model();
            ownModels.add(model == null ? null : model.process(models.split()));
        }
    }

    /**
     * The metric ids this sensor reports: its identifier for a one-metric type, {@code
     * identifier.metric} for each metric of a type with several.
     */
    public static List<String> metricIds(String identifier, List<MetricSpec> metrics) {
        return metrics.size() == 1
                ? List.of(identifier)
                : metrics.stream().map(m -> identifier + "." + m.id()).toList();
    }

    public SensorSpec spec() {
        return spec;
    }

    public List<String> metricIds() {
        return metricIds;
    }

    public List<MetricSpec> metrics() {
        return metrics;
    }

    public Duration interval() {
        return spec.samplingInterval();
    }

    /** Adds to every metric's value from the next sample on (a {@code set_offset} command). */
    public void setCommandOffset(double offset) {
        this.commandOffset = offset;
    }

    /** Adds {@code value} to the next sample of every metric only (an {@code inject_spike}). */
    public void injectSpike(double value) {
        this.pendingSpike += value;
    }

    /** The samples of the next step, at {@code time}. */
    public List<Sample> next(String tenant, String device, Instant time) {
        Map<String, Double> values = simulator.next();
        double spike = pendingSpike;
        pendingSpike = 0;
        double extra = commandOffset + spike;
        List<Sample> samples = new ArrayList<>(metrics.size());
        for (int i = 0; i < metrics.size(); i++) {
            SensorSpec.MetricSetup setup = spec.setup(i);
            ArmaProcess own = ownModels.get(i);
            double base = own != null ? own.next() : values.get(metrics.get(i).id());
            double value = base + setup.offset() + extra;
            for (Perturbation p : setup.perturbations()) {
                value += p.at(step, noise);
            }
            samples.add(
                    new Sample(
                            tenant,
                            device,
                            metricIds.get(i),
                            time,
                            resolutions.get(i).round(value)));
        }
        step++;
        return samples;
    }
}
