package io.armature.api.alert;

import io.armature.api.sample.Sample;
import io.armature.api.storage.SeriesKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rule type's evaluator (threshold, rate of change, no data, ...): a DS component with a required
 * factory configuration, one instance per rule, registered as {@code AlertRule} with the component
 * property {@value #TYPE_PROPERTY} naming its type. Rules are created as factory configurations (in
 * a feature, or by {@code POST /api/v1/tenants/{t}/alert-rules}); the configuration name is {@code
 * <tenant>.<rule id>}.
 *
 * <p>The alert engine reads the common attributes from the rule's service properties (DS copies the
 * configuration there): {@value #TENANT}, {@value #SEVERITY}, the scope ({@value #DEVICES}, {@value
 * #DEVICE_TYPES}, {@value #TAGS} as {@code key=value}, {@value #METRICS}; empty means every),
 * {@value #FOR_SECONDS} (a breach must last this long before the alert is raised) and {@value
 * #KEEP_FIRING_SECONDS} (an active alert stays active this long after its condition ended, against
 * flapping). A rule type's metatype declares them next to its own attributes.
 *
 * <p>The engine calls {@link #evaluate} for every accepted sample in the rule's scope, in
 * acceptance order, from the durable sample feed (never skipping one), and {@link #tick} about once
 * a second for time-driven conditions. Both run on the engine's thread, never concurrently for one
 * rule, and must not block. Keep per-series state in the {@link RuleMemory} given, not in fields:
 * it is saved with the alerts and restored after a restart.
 */
@ConsumerType
public interface AlertRule {
    /** Component property naming the rule type ({@code threshold}). */
    String TYPE_PROPERTY = "armature.alert.rule.type";

    String TENANT = "tenant";
    String SEVERITY = "severity";
    String DEVICES = "devices";
    String DEVICE_TYPES = "deviceTypes";
    String TAGS = "tags";
    String METRICS = "metrics";
    String FOR_SECONDS = "forSeconds";
    String KEEP_FIRING_SECONDS = "keepFiringSeconds";

    /**
     * Decides on one sample of a series in scope.
     *
     * @param memory this rule's memory of the sample's series
     */
    Verdict evaluate(Sample sample, RuleMemory memory);

    /**
     * Decides on a series without a sample, about once a second: for every series this rule has
     * memory of and for those {@link #watched} names. The default has no opinion.
     */
    default Verdict tick(SeriesKey series, Instant now, RuleMemory memory) {
        return Verdict.NONE;
    }

    /**
     * Series to tick although no sample of them was seen (for example every device of the scope,
     * for an offline rule). The default is none.
     */
    default Collection<SeriesKey> watched(Instant now) {
        return List.of();
    }
}
