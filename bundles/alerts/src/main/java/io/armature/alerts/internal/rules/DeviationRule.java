package io.armature.alerts.internal.rules;

import io.armature.api.alert.AlertRule;
import io.armature.api.alert.RuleMemory;
import io.armature.api.alert.Verdict;
import io.armature.api.sample.Sample;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Rule type {@code deviation}, factory PID {@value #PID}: the value is more than {@code sigmas}
 * standard deviations from the rolling mean of the series' previous {@code windowSamples} samples
 * (and at least {@code minDeviation} from it, so a nearly constant series does not alert on noise).
 * No verdict until {@code minSamples} samples are in the window.
 */
@Component(
        name = DeviationRule.PID,
        configurationPid = DeviationRule.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = AlertRule.TYPE_PROPERTY + "=deviation")
@Designate(ocd = DeviationRule.Config.class, factory = true)
public final class DeviationRule implements AlertRule {
    static final String PID = "io.armature.alerts.deviation";

    @ObjectClassDefinition(
            name = "Deviation alert rule",
            description =
                    "Raises an alert per series whose value is more than n standard deviations from"
                            + " its rolling mean")
    public @interface Config {
        @AttributeDefinition(name = "Severity")
        String severity() default "warning";

        @AttributeDefinition(name = "Tenant", description = ScopeAttributes.TENANT)
        String tenant();

        @AttributeDefinition(name = "Metrics", description = ScopeAttributes.METRICS)
        String[] metrics() default {};

        @AttributeDefinition(name = "Devices", description = ScopeAttributes.DEVICES)
        String[] devices() default {};

        @AttributeDefinition(name = "Device types", description = ScopeAttributes.DEVICE_TYPES)
        String[] deviceTypes() default {};

        @AttributeDefinition(name = "Tags", description = ScopeAttributes.TAGS)
        String[] tags() default {};

        @AttributeDefinition(
                name = "Sigmas",
                description = "n: how many standard deviations",
                min = "0")
        double sigmas() default 3;

        @AttributeDefinition(
                name = "Window (samples)",
                description = "The previous samples the mean and deviation are taken over",
                min = "2",
                max = "5000")
        int windowSamples() default 60;

        @AttributeDefinition(
                name = "Minimum samples",
                description = "No verdict before the window holds this many",
                min = "2")
        int minSamples() default 10;

        @AttributeDefinition(
                name = "Minimum deviation",
                description = "A deviation smaller than this never alerts (the metric's unit)",
                min = "0")
        double minDeviation() default 0;

        @AttributeDefinition(name = "For (s)", description = ScopeAttributes.FOR, min = "0")
        long forSeconds() default 0;

        @AttributeDefinition(
                name = "Keep firing (s)",
                description = ScopeAttributes.KEEP_FIRING,
                min = "0")
        long keepFiringSeconds() default 0;
    }

    private final double sigmas;
    private final int windowSamples;
    private final int minSamples;
    private final double minDeviation;

    @Activate
    public DeviationRule(Config config) {
        this.sigmas = config.sigmas();
        this.windowSamples = config.windowSamples();
        this.minSamples = config.minSamples();
        this.minDeviation = config.minDeviation();
        if (!(sigmas >= 0) || !Double.isFinite(sigmas)) {
            throw new IllegalArgumentException("sigmas: must be a finite number ≥ 0");
        }
        if (windowSamples < 2 || windowSamples > SampleWindow.MAX) {
            throw new IllegalArgumentException("windowSamples: from 2 to " + SampleWindow.MAX);
        }
        if (minSamples < 2 || minSamples > windowSamples) {
            throw new IllegalArgumentException(
                    "minSamples: from 2 to windowSamples (" + windowSamples + ")");
        }
    }

    @Override
    public Verdict evaluate(Sample sample, RuleMemory memory) {
        SampleWindow window = SampleWindow.read(memory);
        Verdict verdict = Verdict.NONE;
        if (window.size() >= minSamples) {
            double mean = 0;
            for (int i = 0; i < window.size(); i++) {
                mean += window.value(i);
            }
            mean /= window.size();
            double squares = 0;
            for (int i = 0; i < window.size(); i++) {
                double d = window.value(i) - mean;
                squares += d * d;
            }
            double sigma = Math.sqrt(squares / (window.size() - 1));
            double deviation = Math.abs(sample.value() - mean);
            double score =
                    sigma == 0
                            ? (deviation == 0 ? 0 : Double.POSITIVE_INFINITY)
                            : deviation / sigma;
            String text =
                    String.format(
                            Locale.ROOT,
                            "%s %s is %s σ from its mean %s (σ %s over %d samples)",
                            sample.metric(),
                            ScopeAttributes.format(sample.value()),
                            Double.isInfinite(score)
                                    ? "∞"
                                    : ScopeAttributes.format(Math.round(score * 100) / 100.0),
                            ScopeAttributes.format(Math.round(mean * 1000) / 1000.0),
                            ScopeAttributes.format(Math.round(sigma * 1000) / 1000.0),
                            window.size());
            verdict =
                    score > sigmas && deviation >= minDeviation && deviation > 0
                            ? Verdict.breach(
                                    sample.value(),
                                    text + " > " + ScopeAttributes.format(sigmas) + " σ")
                            : Verdict.ok(sample.value(), text);
        }
        window.add(sample.time().toEpochMilli(), sample.value());
        window.keepLast(windowSamples);
        window.write(memory);
        return verdict;
    }
}
