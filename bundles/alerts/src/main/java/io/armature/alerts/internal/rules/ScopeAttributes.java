package io.armature.alerts.internal.rules;

/**
 * Descriptions of the attributes every rule type declares for the engine (severity, tenant, scope,
 * periods), one text each, so all rule types' forms read the same.
 */
final class ScopeAttributes {
    static final String METRICS = "Metric ids in scope (* as a wildcard); empty: every metric";
    static final String DEVICES = "Device ids in scope (* as a wildcard); empty: every device";
    static final String DEVICE_TYPES =
            "Only devices of these types (as registered); empty: any type";
    static final String TAGS = "Only devices with all these tags, key=value (or key: any value)";
    static final String TENANT = "The tenant whose samples the rule sees";
    static final String FOR = "The condition must hold this long before the alert is raised";
    static final String KEEP_FIRING =
            "An active alert stays active this long after its condition ended (against"
                    + " flapping); a new breach meanwhile re-triggers it";

    private ScopeAttributes() {}

    /** The rule's number for messages: integers without ".0", others as Java prints them. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
