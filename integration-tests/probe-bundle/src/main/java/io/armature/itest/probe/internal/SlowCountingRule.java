package io.armature.itest.probe.internal;

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

/**
 * Rule type {@code itest-slow}: takes {@code delayMillis} per sample (so the engine lags behind
 * ingest) and counts the samples of each series in its memory; its condition holds once the count
 * reaches {@code expected}, with the count as the value. An alert with trigger value {@code
 * expected} proves that no sample was skipped.
 */
@Component(
        name = "io.armature.itest.slow.rule",
        configurationPid = "io.armature.itest.slow.rule",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = AlertRule.TYPE_PROPERTY + "=itest-slow")
@Designate(ocd = SlowCountingRule.Config.class, factory = true)
public final class SlowCountingRule implements AlertRule {
    @ObjectClassDefinition(name = "Slow counting rule (test)")
    public @interface Config {
        @AttributeDefinition(name = "Severity")
        String severity() default "info";

        @AttributeDefinition(name = "Tenant")
        String tenant();

        @AttributeDefinition(name = "Metrics")
        String[] metrics() default {};

        @AttributeDefinition(name = "Delay per sample (ms)")
        long delayMillis() default 1;

        @AttributeDefinition(name = "Expected count")
        long expected();
    }

    private final long delayMillis;
    private final long expected;

    @Activate
    public SlowCountingRule(Config config) {
        this.delayMillis = config.delayMillis();
        this.expected = config.expected();
    }

    @Override
    public Verdict evaluate(Sample sample, RuleMemory memory) {
        try {
            Thread.sleep(delayMillis); // deliberately slow: the engine must lag, not skip
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double count = memory.get("count", 0) + 1;
        memory.put("count", count);
        return count >= expected
                ? Verdict.breach(count, "counted " + (long) count + " samples")
                : Verdict.ok(count, "counted " + (long) count);
    }
}
