package io.armature.api.alert;

import io.armature.api.sample.SampleBatch;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An alert rule (threshold with duration and hysteresis, rate of change, no data, anomaly
 * score...). Register as an OSGi service, usually one component instance per rule configuration.
 *
 * <p><b>Not yet called by the runtime.</b> Today the core only lists registered rules in the plugin
 * registry ({@code GET /api/v1/system/plugins}); nothing feeds them samples or acts on the
 * conditions they return. The alerting work will wire rules to the live stream and may reshape this
 * interface (with a major version of this package) when it does. The intended contract: {@link
 * #evaluate} is called on one thread per rule, in sample order, so a rule may keep per-series state
 * without locking, and it must not block.
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
