package io.armature.sensor.models.internal.simulator;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.Sample;
import io.armature.api.sensor.SensorType;
import io.armature.api.storage.RawQuery;
import io.armature.api.storage.SeriesKey;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the history sensors ask for ({@code backfill}) at full speed on a thread of its own,
 * while live data already flows. Each range is generated once per configuration: not again after a
 * restart by the supervisor, and not when a storage backend already holds samples of the sensor in
 * that range (a runtime restart, another node). A back-fill interrupted by a runtime restart is
 * therefore not completed.
 */
final class Backfills {
    private static final Logger LOG = LoggerFactory.getLogger(Backfills.class);

    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;

    void start(
            DriverContext context,
            SimulatorConfig config,
            List<SensorSpec> specs,
            SensorTypeCatalog types,
            List<TimeSeriesStore> stores,
            Consumer<String> failed) {
        List<SensorSpec> wanted =
                specs.stream()
                        .filter(s -> s.backfillFrom() != null && !done.contains(s.json()))
                        .toList();
        if (wanted.isEmpty()) {
            return;
        }
        Thread t =
                new Thread(
                        () -> {
                            try {
                                for (int i = 0; i < wanted.size(); i++) {
                                    SensorSpec spec = wanted.get(i);
                                    run(context, config, spec, types.get(spec.type()), stores, i);
                                    done.add(spec.json());
                                }
                            } catch (InterruptedException e) {
                                // stopping: what was not published yet is generated next start
                            } catch (RuntimeException e) {
                                LOG.error(
                                        "simulated device {}: back-fill failed",
                                        context.driverId(),
                                        e);
                                failed.accept("back-fill failed: " + e);
                            }
                        },
                        "armature-backfill-" + context.driverId());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(
            DriverContext context,
            SimulatorConfig config,
            SensorSpec spec,
            SensorType type,
            List<TimeSeriesStore> stores,
            int index)
            throws InterruptedException {
        long seed = spec.seedOr(config.seed(), index) ^ 0x5DEECE66DL; // not the live stream's
        SimulatedSensor sensor = new SimulatedSensor(spec, type, seed);
        if (stored(
                stores,
                config,
                sensor.metricIds().get(0),
                spec.backfillFrom(),
                spec.backfillTo())) {
            LOG.info(
                    "simulated device {}: sensor {} already has data in {} .. {}; not back-filled again",
                    context.driverId(),
                    spec.identifier(),
                    spec.backfillFrom(),
                    spec.backfillTo());
            return;
        }
        long started = System.nanoTime();
        long count = 0;
        List<Sample> batch = new ArrayList<>(Publisher.BATCH);
        Duration interval = spec.samplingInterval();
        for (Instant time = spec.backfillFrom();
                time.isBefore(spec.backfillTo());
                time = time.plus(interval)) {
            batch.addAll(sensor.next(config.tenant(), config.device(), time));
            if (batch.size() >= Publisher.BATCH) {
                Publisher.publishAll(context, batch);
                count += batch.size();
                batch = new ArrayList<>(Publisher.BATCH);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        Publisher.publishAll(context, batch);
        count += batch.size();
        LOG.info(
                "simulated device {}: sensor {} back-filled {} samples ({} .. {}) in {} ms",
                context.driverId(),
                spec.identifier(),
                count,
                spec.backfillFrom(),
                spec.backfillTo(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean stored(
            List<TimeSeriesStore> stores,
            SimulatorConfig config,
            String metric,
            Instant from,
            Instant to) {
        for (TimeSeriesStore store : stores) {
            try {
                if (!store.raw(
                                new RawQuery(
                                        new SeriesKey(config.tenant(), config.device(), metric),
                                        from,
                                        to,
                                        1,
                                        null))
                        .points()
                        .isEmpty()) {
                    return true;
                }
            } catch (StorageUnavailableException | RuntimeException e) {
                LOG.debug(
                        "storage {} cannot tell whether back-fill data exists: {}",
                        store.id(),
                        e.toString());
            }
        }
        return false;
    }

    void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
