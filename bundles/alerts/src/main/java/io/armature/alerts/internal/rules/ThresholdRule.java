package io.armature.alerts.internal.rules;

import io.armature.api.alert.AlertRule;
import io.armature.api.alert.RuleMemory;
import io.armature.api.alert.Verdict;
import io.armature.api.sample.Sample;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Rule type {@code threshold}, factory PID {@value #PID}: the value is beyond a threshold ({@code >
 * 80}), with hysteresis (an alert clears only once the value is back beyond a separate clear
 * threshold, {@code < 75}); the engine adds the pending period ({@code forSeconds}) and the
 * keep-firing period. Between the two thresholds the verdict keeps the last one's.
 */
@Component(
        name = ThresholdRule.PID,
        configurationPid = ThresholdRule.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = AlertRule.TYPE_PROPERTY + "=threshold")
@Designate(ocd = ThresholdRule.Config.class, factory = true)
public final class ThresholdRule implements AlertRule {
    static final String PID = "io.armature.alerts.threshold";
    private static final String BREACHING = "breaching";

    @ObjectClassDefinition(
            name = "Threshold alert rule",
            description =
                    "Raises an alert per series whose value is beyond a threshold for a while;"
                            + " clears once it is back beyond the clear threshold")
    public @interface Config {
        @AttributeDefinition(
                name = "Severity",
                options = {
                    @Option(label = "critical", value = "critical"),
                    @Option(label = "major", value = "major"),
                    @Option(label = "minor", value = "minor"),
                    @Option(label = "warning", value = "warning"),
                    @Option(label = "info", value = "info")
                })
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
                description = "How the value compares with the threshold when the alert holds",
                options = {
                    @Option(label = "above (>)", value = ">"),
                    @Option(label = "at or above (>=)", value = ">="),
                    @Option(label = "below (<)", value = "<"),
                    @Option(label = "at or below (<=)", value = "<=")
                })
        String operator() default ">";

        @AttributeDefinition(name = "Threshold")
        double threshold();

        @AttributeDefinition(
                name = "Clear threshold",
                description =
                        "The alert clears only once the value is back beyond this (for > : below"
                                + " it; for < : above it). Empty: the threshold itself",
                required = false)
        String clearThreshold() default "";

        @AttributeDefinition(name = "For (s)", description = ScopeAttributes.FOR, min = "0")
        long forSeconds() default 0;

        @AttributeDefinition(
                name = "Keep firing (s)",
                description = ScopeAttributes.KEEP_FIRING,
                min = "0")
        long keepFiringSeconds() default 0;
    }

    private final String operator;
    private final double threshold;
    private final double clearThreshold;
    private final boolean above;

    @Activate
    public ThresholdRule(Config config) {
        this.operator = config.operator().strip();
        if (!operator.matches(">|>=|<|<=")) {
            throw new IllegalArgumentException(
                    "operator: '" + operator + "' is none of >, >=, <, <=");
        }
        this.above = operator.startsWith(">");
        this.threshold = config.threshold();
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold: must be a finite number");
        }
        String clear = config.clearThreshold() == null ? "" : config.clearThreshold().strip();
        if (clear.isEmpty()) {
            this.clearThreshold = threshold;
        } else {
            try {
                this.clearThreshold = Double.parseDouble(clear);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "clearThreshold: '" + clear + "' is not a number");
            }
            if (above ? clearThreshold > threshold : clearThreshold < threshold) {
                throw new IllegalArgumentException(
                        "clearThreshold: "
                                + clear
                                + " must be "
                                + (above ? "at or below" : "at or above")
                                + " the threshold "
                                + format(threshold)
                                + " for operator "
                                + operator);
            }
        }
    }

    @Override
    public Verdict evaluate(Sample sample, RuleMemory memory) {
        double value = sample.value();
        boolean wasBreaching = memory.get(BREACHING, 0) != 0;
        boolean beyond =
                switch (operator) {
                    case ">" -> value > threshold;
                    case ">=" -> value >= threshold;
                    case "<" -> value < threshold;
                    default -> value <= threshold;
                };
        boolean cleared = above ? value < clearThreshold : value > clearThreshold;
        if (clearThreshold == threshold) {
            cleared = !beyond;
        }
        boolean breaching = beyond || (wasBreaching && !cleared);
        memory.put(BREACHING, breaching ? 1 : 0);
        String text = sample.metric() + " " + format(value) + " ";
        if (breaching) {
            return Verdict.breach(
                    value,
                    text
                            + (beyond ? operator + " " + format(threshold) : "not yet back")
                            + (clearThreshold == threshold
                                    ? ""
                                    : " (clears "
                                            + (above ? "below " : "above ")
                                            + format(clearThreshold)
                                            + ")"));
        }
        return Verdict.ok(value, text + (above ? "below " : "above ") + format(clearThreshold));
    }

    static String format(double value) {
        return ScopeAttributes.format(value);
    }
}
