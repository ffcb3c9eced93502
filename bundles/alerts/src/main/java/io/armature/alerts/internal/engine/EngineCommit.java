package io.armature.alerts.internal.engine;

import io.armature.api.sample.FeedPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation pass (a feed batch or a tick) must write, in one transaction: alerts to open,
 * re-trigger, update and clear, changed series states and the feed position reached.
 */
final class EngineCommit {
    /**
     * A step in the order decided: {@code OPEN} (under a provisional, negative alert id that the
     * store replaces with the real one), {@code RETRIGGER} or {@code CLEAR} of an alert.
     */
    record Step(
            SeriesState state,
            RuleEntry rule,
            long alertId,
            Lifecycle.Step step,
            Double value,
            String message,
            Instant at,
            Instant triggeredAt) {}

    final List<Step> steps = new ArrayList<>();
    private long provisional;

    /** Latest value per active alert: {value, time in epoch microseconds}. */
    final Map<Long, double[]> lastValues = new LinkedHashMap<>();

    final Map<SeriesState, Boolean> states = new LinkedHashMap<>();
    final List<SeriesState> deleted = new ArrayList<>();
    FeedPosition position;

    EngineCommit(FeedPosition position) {
        this.position = position;
    }

    boolean isEmpty() {
        return steps.isEmpty() && lastValues.isEmpty() && states.isEmpty() && deleted.isEmpty();
    }

    private static Step step(SeriesState state, RuleEntry rule, Lifecycle.Step step, Instant at) {
        Instant triggered = state.pendingSince < 0 ? at : Times.instant(state.pendingSince);
        return new Step(
                state,
                rule,
                state.alertId,
                step,
                state.lastValue,
                state.lastMessage,
                at,
                triggered);
    }

    /** Adds the lifecycle step the engine decided for a state. */
    void add(SeriesState state, RuleEntry rule, Lifecycle.Step step, long atMicros) {
        Instant at = Times.instant(atMicros);
        switch (step) {
            case NONE -> {}
            case OPEN -> {
                state.alertId = --provisional;
                state.dirty = true;
                state.pendingSince = state.pendingSince < 0 ? atMicros : state.pendingSince;
                steps.add(step(state, rule, step, at));
            }
            case LAST_VALUE -> {
                if (state.lastValue != null) {
                    lastValues.put(state.alertId, new double[] {state.lastValue, atMicros});
                }
            }
            case RETRIGGER -> steps.add(step(state, rule, step, at));
            case CLEAR -> {
                steps.add(step(state, rule, step, at));
                lastValues.remove(state.alertId);
                state.alertId = 0;
                state.okSince = -1;
                state.dirty = true;
            }
        }
        if (state.dirty) {
            states.put(state, Boolean.TRUE);
        }
    }
}
