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
import org.osgi.service.metatype.annotations.Option;

/**
 * Rule type {@code rate_of_change}, factory PID {@value #PID}: the change of the value over a time
 * window, per {@code perSeconds} (for example °C per minute), compared with a limit: rising faster
 * ({@code >}), falling faster ({@code <}, a negative limit) or either ({@code abs>}). The rate is
 * the slope from the oldest sample of the window to the newest; no verdict until the window spans
 * half its length.
 */
@Component(
        name = RateOfChangeRule.PID,
        configurationPid = RateOfChangeRule.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = AlertRule.TYPE_PROPERTY + "=rate_of_change")
@Designate(ocd = RateOfChangeRule.Config.class, factory = true)
public final class RateOfChangeRule implements AlertRule {
    static final String PID = "io.armature.alerts.rate";

    @ObjectClassDefinition(
            name = "Rate-of-change alert rule",
            description = "Raises an alert per series whose value changes faster than a limit")
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
                name = "Operator",
                options = {
                    @Option(label = "rising faster than (>)", value = ">"),
                    @Option(label = "falling faster than (<)", value = "<"),
                    @Option(label = "changing faster either way (abs>)", value = "abs>")
                })
        String operator() default "abs>";

        @AttributeDefinition(name = "Limit", description = "Change per 'per seconds'")
        double limit();

        @AttributeDefinition(name = "Per (s)", description = "The rate's time unit", min = "1")
        long perSeconds() default 60;

        @AttributeDefinition(
                name = "Window (s)",
                description = "The time the rate spans",
                min = "1")
        long windowSeconds() default 300;

        @AttributeDefinition(name = "For (s)", description = ScopeAttributes.FOR, min = "0")
        long forSeconds() default 0;

        @AttributeDefinition(
                name = "Keep firing (s)",
                description = ScopeAttributes.KEEP_FIRING,
                min = "0")
        long keepFiringSeconds() default 0;
    }

    private final String operator;
    private final double limit;
    private final long perMillis;
    private final long windowMillis;

    @Activate
    public RateOfChangeRule(Config config) {
        this.operator = config.operator().strip();
        if (!operator.matches(">|<|abs>")) {
            throw new IllegalArgumentException(
                    "operator: '" + operator + "' is none of >, <, abs>");
        }
        this.limit = config.limit();
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException("limit: must be a finite number");
        }
        if (config.perSeconds() < 1 || config.windowSeconds() < 1) {
            throw new IllegalArgumentException("perSeconds and windowSeconds: at least 1");
        }
        this.perMillis = config.perSeconds() * 1000;
        this.windowMillis = config.windowSeconds() * 1000;
    }

    @Override
    public Verdict evaluate(Sample sample, RuleMemory memory) {
        long now = sample.time().toEpochMilli();
        SampleWindow window = SampleWindow.read(memory);
        window.add(now, sample.value());
        window.dropBefore(now - windowMillis);
        window.write(memory);
        if (window.size() < 2 || window.span() * 2 < windowMillis) {
            return Verdict.NONE;
        }
        double rate = (sample.value() - window.firstValue()) / window.span() * perMillis;
        boolean breach =
                switch (operator) {
                    case ">" -> rate > limit;
                    case "<" -> rate < limit;
                    default -> Math.abs(rate) > Math.abs(limit);
                };
        String text =
                String.format(
                        Locale.ROOT,
                        "%s changes %s per %d s over %d s",
                        sample.metric(),
                        ScopeAttributes.format(Math.round(rate * 1000) / 1000.0),
                        perMillis / 1000,
                        window.span() / 1000);
        return breach
                ? Verdict.breach(
                        rate,
                        text + " (limit " + operator + " " + ScopeAttributes.format(limit) + ")")
                : Verdict.ok(rate, text);
    }
}
