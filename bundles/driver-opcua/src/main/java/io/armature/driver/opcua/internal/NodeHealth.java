package io.armature.driver.opcua.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health of one mapped node across the driver's runs (it outlives reconnects): what was last
 * received, how many values were refused and why. Thread-safe.
 */
final class NodeHealth {
    /** Waiting for the first value of this run. */
    static final String WAITING = "waiting";

    /** Its last value was good and stored. */
    static final String OK = "ok";

    /** The server refused the node (unknown id, browse path not found) or sent a bad status. */
    static final String BAD = "bad";

    /** Its last value had an uncertain status (not stored). */
    static final String UNCERTAIN = "uncertain";

    /** Its last value was no number or boolean (an array, a structure, a string). */
    static final String UNSUPPORTED = "unsupported";

    private final NodeMapping mapping;
    private String state = WAITING;
    private String reason;
    private String nodeId;
    private Double revisedSamplingMillis;
    private Instant lastValueAt;
    private double lastValue;
    private String timeSource;
    private String lastStatus;
    private Instant lastStatusAt;
    private long samples;
    private long bad;
    private long uncertain;
    private long unsupported;
    private Instant lastSampleTime;
    private boolean unitDescribed;

    NodeHealth(NodeMapping mapping) {
        this.mapping = mapping;
    }

    NodeMapping mapping() {
        return mapping;
    }

    /** The node was resolved and subscribed (or re-subscribed) in a new run. */
    synchronized void subscribed(String resolvedNodeId, Double revisedSampling) {
        nodeId = resolvedNodeId;
        revisedSamplingMillis = revisedSampling;
        state = WAITING;
        reason = null;
    }

    /** The server refused the node: it stays bad until a later run subscribes it. */
    synchronized void refused(String resolvedNodeId, String why) {
        nodeId = resolvedNodeId;
        state = BAD;
        reason = why;
        lastStatusAt = Instant.now();
    }

    /**
     * A reading arrived. Returns true when it is a new sample to publish: a good value later than
     * the last one published (a re-subscription repeats the current value with its old source
     * timestamp, which is not stored twice).
     */
    synchronized boolean received(ValueReading reading, Instant now) {
        lastStatus = NodeIdText.name(reading.status());
        lastStatusAt = now;
        switch (reading.kind()) {
            case BAD -> {
                bad++;
                state = BAD;
                reason = reading.reason();
                return false;
            }
            case UNCERTAIN -> {
                uncertain++;
                state = UNCERTAIN;
                reason = reading.reason();
                return false;
            }
            case UNSUPPORTED -> {
                unsupported++;
                state = UNSUPPORTED;
                reason = reading.reason();
                return false;
            }
            default -> {
                state = OK;
                reason = null;
                timeSource = reading.timeSource();
                if (lastSampleTime != null
                        && !"received".equals(reading.timeSource())
                        && !reading.time().isAfter(lastSampleTime)) {
                    return false;
                }
                lastSampleTime = reading.time();
                lastValue = reading.value();
                lastValueAt = reading.time();
                samples++;
                return true;
            }
        }
    }

    /** Whether the mapping's unit still has to be given to the device registry. */
    synchronized boolean needsUnit() {
        return mapping.unit() != null && !unitDescribed && samples > 0;
    }

    /** Marks the unit given to the registry; true, for use in a condition. */
    synchronized boolean unitDescribed() {
        unitDescribed = true;
        return true;
    }

    /** Whether the mapping has a unit the registry has not been given in any run yet. */
    synchronized boolean unitUndescribed() {
        return mapping.unit() != null && !unitDescribed;
    }

    synchronized String state() {
        return state;
    }

    synchronized String reason() {
        return reason;
    }

    synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("node", mapping.target().text());
        view.put("node_id", nodeId);
        view.put("tenant", mapping.tenant());
        view.put("device", mapping.device());
        view.put("metric", mapping.metric());
        view.put("state", state);
        view.put("reason", reason);
        view.put("sampling_interval_ms", revisedSamplingMillis);
        view.put("last_value", lastValueAt == null ? null : lastValue);
        view.put("last_value_at", lastValueAt);
        view.put("timestamp_source", timeSource);
        view.put("last_status", lastStatus);
        view.put("last_status_at", lastStatusAt);
        view.put("samples", samples);
        view.put("bad_status_count", bad);
        view.put("uncertain_status_count", uncertain);
        view.put("unsupported_count", unsupported);
        return view;
    }
}
