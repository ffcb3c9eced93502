package io.armature.api.alert;

import io.armature.api.sample.SampleBatch;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An alert rule (threshold with duration and hysteresis, rate of change, no data, anomaly
 * score...). Register as an OSGi service, usually one component instance per rule configuration.
 *
 * <p>The core calls {@link #evaluate} on one thread per rule, in sample order; a rule may keep
 * per-series state without locking. It must not block.
 */
@ConsumerType
public interface AlertRule {
    /** Rule id, unique in the runtime. */
    String id();

    /**
     * Evaluates accepted samples.
     *
     * @return the conditions that changed or still hold; empty when nothing is to report
     */
    List<AlertCondition> evaluate(SampleBatch batch);
}
