package io.armature.sensor.models.internal.simulator;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.driver.DriverContext;
import io.armature.api.sample.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of a simulated device: each sensor's samples at its interval (sample k of a sensor at
 * start + k·interval, whatever the scheduling jitter), and heartbeats, all on one scheduler thread.
 */
final class Running {
    private static final Logger LOG = LoggerFactory.getLogger(Running.class);

    private final DriverContext context;
    private final SimulatorConfig config;
    private final List<SimulatedSensor> sensors;
    private final ScheduledExecutorService scheduler;
    private final Supplier<DeviceRegistry> registry;
    private final Publisher publisher;
    private final Instant since;
    private volatile boolean paused;

    Running(
            DriverContext context,
            SimulatorConfig config,
            List<SimulatedSensor> sensors,
            ScheduledExecutorService scheduler,
            Clock clock,
            Supplier<DeviceRegistry> registry) {
        this.context = context;
        this.config = config;
        this.sensors = sensors;
        this.scheduler = scheduler;
        this.registry = registry;
        this.publisher = new Publisher(context);
        this.since = clock.instant();
    }

    List<SimulatedSensor> sensors() {
        return sensors;
    }

    boolean paused() {
        return paused;
    }

    void paused(boolean paused) {
        this.paused = paused;
    }

    void start() {
        for (SimulatedSensor sensor : sensors) {
            long nanos = sensor.interval().toNanos();
            long[] step = {0};
            scheduler.scheduleAtFixedRate(
                    () -> tick(sensor, since.plus(Duration.ofNanos(nanos * step[0]++))),
                    0,
                    nanos,
                    TimeUnit.NANOSECONDS);
        }
        if (config.heartbeatSeconds() > 0) {
            scheduler.scheduleAtFixedRate(
                    this::heartbeat, 0, config.heartbeatSeconds(), TimeUnit.SECONDS);
        }
    }

    private void tick(SimulatedSensor sensor, Instant time) {
        try {
            List<Sample> samples = sensor.next(config.tenant(), config.device(), time);
            if (!paused) {
                publisher.offer(samples);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error(
                    "simulated device {}: sensor {} failed",
                    context.driverId(),
                    sensor.spec().identifier(),
                    e);
            failed("sensor " + sensor.spec().identifier() + " failed: " + e);
        }
    }

    private void heartbeat() {
        DeviceRegistry devices = registry.get();
        if (devices != null) {
            try {
                devices.heartbeat(config.tenant(), config.device());
            } catch (RuntimeException e) {
                context.problem("heartbeat failed: " + e.getMessage());
            }
        }
    }

    void failed(String reason) {
        context.failed(reason);
    }

    void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
