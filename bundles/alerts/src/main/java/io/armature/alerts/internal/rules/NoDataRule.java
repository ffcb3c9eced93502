package io.armature.alerts.internal.rules;

import io.armature.api.alert.AlertRule;
import io.armature.api.alert.RuleMemory;
import io.armature.api.alert.Verdict;
import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.DeviceStatus;
import io.armature.api.sample.Sample;
import io.armature.api.storage.SeriesKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Rule type {@code no_data}, factory PID {@value #PID}, decided on the engine's ticks: with {@code
 * source=samples}, a series in scope that has received no sample for {@code silenceSeconds} (wall
 * clock since its last sample arrived; series never seen are not known); with {@code
 * source=device_status}, a device in scope that the device registry reports offline and has not
 * been seen for {@code silenceSeconds} (one alert per device, without a metric).
 */
@Component(
        name = NoDataRule.PID,
        configurationPid = NoDataRule.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = AlertRule.TYPE_PROPERTY + "=no_data")
@Designate(ocd = NoDataRule.Config.class, factory = true)
public final class NoDataRule implements AlertRule {
    static final String PID = "io.armature.alerts.nodata";
    private static final String ARRIVED = "arrived";

    @ObjectClassDefinition(
            name = "No-data alert rule",
            description =
                    "Raises an alert per series that has been silent, or per device that has been"
                            + " offline, for a while")
    public @interface Config {
        @AttributeDefinition(name = "Severity")
        String severity() default "warning";

        @AttributeDefinition(name = "Tenant", description = ScopeAttributes.TENANT)
        String tenant();

        @AttributeDefinition(
                name = "Source",
                options = {
                    @Option(label = "no sample of a series", value = "samples"),
                    @Option(label = "device offline (device registry)", value = "device_status")
                })
        String source() default "samples";

        @AttributeDefinition(name = "Metrics", description = ScopeAttributes.METRICS)
        String[] metrics() default {};

        @AttributeDefinition(name = "Devices", description = ScopeAttributes.DEVICES)
        String[] devices() default {};

        @AttributeDefinition(name = "Device types", description = ScopeAttributes.DEVICE_TYPES)
        String[] deviceTypes() default {};

        @AttributeDefinition(name = "Tags", description = ScopeAttributes.TAGS)
        String[] tags() default {};

        @AttributeDefinition(name = "Silence (s)", description = "How long without data", min = "1")
        long silenceSeconds() default 600;

        @AttributeDefinition(
                name = "Keep firing (s)",
                description = ScopeAttributes.KEEP_FIRING,
                min = "0")
        long keepFiringSeconds() default 0;
    }

    private final boolean deviceStatus;
    private final long silenceMillis;
    private final String tenant;
    private final DeviceRegistry registry;
    private final Clock clock;

    @Activate
    public NoDataRule(Config config, @Reference DeviceRegistry registry) {
        this(config, registry, Clock.systemUTC());
    }

    NoDataRule(Config config, DeviceRegistry registry, Clock clock) {
        String source = config.source().strip();
        if (!source.equals("samples") && !source.equals("device_status")) {
            throw new IllegalArgumentException(
                    "source: '" + source + "' is neither samples nor device_status");
        }
        if (config.silenceSeconds() < 1) {
            throw new IllegalArgumentException("silenceSeconds: at least 1");
        }
        this.deviceStatus = source.equals("device_status");
        this.silenceMillis = config.silenceSeconds() * 1000;
        this.tenant = config.tenant();
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Verdict evaluate(Sample sample, RuleMemory memory) {
        if (deviceStatus) {
            return Verdict.NONE;
        }
        long now = clock.millis();
        double arrived = memory.get(ARRIVED, Double.NaN);
        // stored coarsely: the memory (and the database row) changes about ten times per silence
        if (Double.isNaN(arrived) || now - arrived >= Math.max(1000, silenceMillis / 10)) {
            memory.put(ARRIVED, now);
        }
        return Verdict.ok(sample.value(), sample.metric() + " reporting");
    }

    @Override
    public Verdict tick(SeriesKey series, Instant now, RuleMemory memory) {
        if (deviceStatus) {
            return series.metric().isEmpty() ? offline(series, now) : Verdict.NONE;
        }
        double arrived = memory.get(ARRIVED, Double.NaN);
        if (Double.isNaN(arrived)) {
            return Verdict.NONE;
        }
        long silent = now.toEpochMilli() - (long) arrived;
        return silent > silenceMillis + Math.max(1000, silenceMillis / 10)
                ? Verdict.breach(
                        null,
                        "no " + series.metric() + " sample for " + human(Duration.ofMillis(silent)))
                : Verdict.NONE;
    }

    private Verdict offline(SeriesKey series, Instant now) {
        Device device = registry.device(series.tenant(), series.device()).orElse(null);
        if (device == null || device.status() == DeviceStatus.UNKNOWN) {
            return Verdict.NONE;
        }
        if (device.status() == DeviceStatus.ONLINE) {
            return Verdict.ok(null, "device " + series.device() + " online");
        }
        Instant seen = device.lastSeen();
        long silent = seen == null ? Long.MAX_VALUE : now.toEpochMilli() - seen.toEpochMilli();
        return silent >= silenceMillis
                ? Verdict.breach(
                        null,
                        "device "
                                + series.device()
                                + " offline"
                                + (seen == null ? "" : ", last seen " + seen))
                : Verdict.NONE;
    }

    /** Every device of the tenant, for {@code device_status}; the engine applies the scope. */
    @Override
    public Collection<SeriesKey> watched(Instant now) {
        if (!deviceStatus) {
            return List.of();
        }
        List<SeriesKey> devices = new ArrayList<>();
        for (Device device : registry.devices(tenant)) {
            devices.add(new SeriesKey(tenant, device.id(), ""));
        }
        return devices;
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h";
    }
}
