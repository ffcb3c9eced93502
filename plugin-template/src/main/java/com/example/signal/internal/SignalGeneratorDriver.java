package com.example.signal.internal;

import io.armature.api.driver.DriverContext;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * A protocol driver that generates one metric of one device: a sine or a ramp. It runs with its
 * defaults as soon as the bundle is deployed; change it with a configuration of PID {@code
 * com.example.signal.generator}.
 */
@Component(
        configurationPid = SignalGeneratorDriver.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SignalGeneratorDriver.Config.class)
public final class SignalGeneratorDriver implements ProtocolDriver {
    static final String PID = "com.example.signal.generator";

    @ObjectClassDefinition(
            name = "Example signal generator",
            description = "Generates a sine or ramp signal as samples of one device metric")
    public @interface Config {
        @AttributeDefinition(name = "Tenant", description = "Tenant the samples belong to")
        String tenant() default "demo";

        @AttributeDefinition(name = "Device", description = "Device id of the generated samples")
        String device() default "signal-1";

        @AttributeDefinition(name = "Metric", description = "Metric id of the generated samples")
        String metric() default "signal";

        @AttributeDefinition(
                name = "Waveform",
                options = {
                    @Option(value = "SINE", label = "Sine"),
                    @Option(value = "RAMP", label = "Ramp")
                })
        String waveform() default "SINE";

        @AttributeDefinition(name = "Amplitude", description = "Half the peak-to-peak range")
        double amplitude() default 10.0;

        @AttributeDefinition(name = "Offset", description = "Centre value")
        double offset() default 20.0;

        @AttributeDefinition(name = "Period (s)", description = "Length of one cycle", min = "1")
        int periodSeconds() default 60;

        @AttributeDefinition(
                name = "Interval (ms)",
                description = "Time between samples",
                min = "10",
                max = "3600000")
        int intervalMillis() default 1000;
    }

    private final Config config;
    private final Waveform waveform;
    private final Clock clock;

    /** Most samples held while ingest pushes back (about 15 minutes at the default interval). */
    static final int MAX_PENDING = 1_000;

    private final List<Sample> pending = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private Instant startedAt;
    private Instant retryAt = Instant.MIN;
    private boolean degraded;

    @Activate
    public SignalGeneratorDriver(Config config) {
        this(config, Clock.systemUTC());
    }

    SignalGeneratorDriver(Config config, Clock clock) {
        this.config = config;
        this.waveform = Waveform.valueOf(config.waveform());
        this.clock = clock;
    }

    @Override
    public void start(DriverContext context) {
        startedAt = clock.instant();
        scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> new Thread(r, "signal-" + config.device()));
        scheduler.scheduleAtFixedRate(
                () -> tick(context),
                config.intervalMillis(),
                config.intervalMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Generates one sample and publishes it with any samples ingest asked to be offered again.
     * Package-private so the unit test can drive it without a scheduler.
     *
     * <p>Backpressure is part of the contract: when the result says {@code mustRetry()}, the
     * samples ingest did not take ({@code result.unaccepted(batch)}) stay in {@code pending} and
     * are offered again after {@code retryAfter()}, ahead of newer ones. Like a device with a
     * bounded buffer, the generator keeps at most {@link #MAX_PENDING} samples and pauses
     * generating while that buffer is full; it never drops a generated sample.
     */
    void tick(DriverContext context) {
        Instant now = clock.instant();
        if (pending.size() < MAX_PENDING) {
            double seconds = Duration.between(startedAt, now).toMillis() / 1000.0;
            double value =
                    waveform.valueAt(
                            seconds, config.amplitude(), config.offset(), config.periodSeconds());
            pending.add(new Sample(config.tenant(), config.device(), config.metric(), now, value));
        }
        if (now.isBefore(retryAt)) {
            return; // ingest asked us to wait
        }
        SampleBatch batch = new SampleBatch(pending);
        try {
            IngestResult result =
                    context.publish(batch, Duration.ofMillis(config.intervalMillis()));
            pending.clear();
            if (result.mustRetry()) {
                pending.addAll(result.unaccepted(batch).samples());
                retryAt = now.plus(result.retryAfter());
                context.problem(
                        "ingest asked to retry ("
                                + result.retryReason()
                                + "); "
                                + pending.size()
                                + " samples held");
            } else if (result.rejected() > 0) {
                context.problem("samples rejected: " + result.rejections().get(0).message());
            } else if (degraded) {
                context.problem(null); // recovered: no problem to report any more
            }
            degraded = result.mustRetry() || result.rejected() > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: pending samples were never acknowledged
        }
    }

    /** Samples generated while ingest pushes back that wait to be offered again, oldest first. */
    int pending() {
        return pending.size();
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
