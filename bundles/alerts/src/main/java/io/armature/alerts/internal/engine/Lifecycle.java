package io.armature.alerts.internal.engine;

import io.armature.api.alert.Verdict;

/**
 * Turns a rule's verdicts into alert lifecycle steps for one series: a breach opens an alert once
 * it has lasted the pending period ({@code forSeconds}); further breaches update the active alert,
 * a breach after the condition had ended re-triggers it (count + 1); an end of the condition clears
 * it once it has lasted the keep-firing period ({@code keepFiringSeconds}). Times are sample times
 * (epoch microseconds, as storage keeps them), or the clock's on a tick; periods also complete on a
 * tick without a new sample.
 */
final class Lifecycle {
    /** What the engine must write. */
    enum Step {
        NONE,
        OPEN,
        RETRIGGER,
        LAST_VALUE,
        CLEAR
    }

    private Lifecycle() {}

    static Step apply(SeriesState state, Verdict verdict, long at, RuleEntry rule) {
        if (verdict.kind() == Verdict.Kind.NONE) {
            return Step.NONE;
        }
        state.lastValue = verdict.value();
        state.lastMessage = verdict.message();
        if (verdict.kind() == Verdict.Kind.BREACH) {
            boolean wasBreaching = state.breaching;
            mark(state, true);
            if (state.firing()) {
                if (state.okSince >= 0) {
                    state.okSince = -1;
                    state.dirty = true;
                }
                return wasBreaching ? Step.LAST_VALUE : Step.RETRIGGER;
            }
            if (state.awaitOk) {
                return Step.NONE;
            }
            if (state.pendingSince < 0) {
                state.pendingSince = at;
                state.dirty = true;
            }
            return at - state.pendingSince >= rule.forMicros ? Step.OPEN : Step.NONE;
        }
        mark(state, false);
        if (state.pendingSince >= 0 || state.awaitOk) {
            state.pendingSince = -1;
            state.awaitOk = false;
            state.dirty = true;
        }
        if (!state.firing()) {
            return Step.NONE;
        }
        if (state.okSince < 0) {
            state.okSince = at;
            state.dirty = true;
        }
        return at - state.okSince >= rule.keepFiringMicros ? Step.CLEAR : Step.LAST_VALUE;
    }

    /** A tick without a verdict: pending and keep-firing periods that have run out complete. */
    static Step elapse(SeriesState state, long wallClock, RuleEntry rule) {
        long now = state.seriesTime(wallClock);
        if (!state.firing()
                && state.breaching
                && !state.awaitOk
                && state.pendingSince >= 0
                && now - state.pendingSince >= rule.forMicros) {
            return Step.OPEN;
        }
        if (state.firing() && state.okSince >= 0 && now - state.okSince >= rule.keepFiringMicros) {
            return Step.CLEAR;
        }
        return Step.NONE;
    }

    private static void mark(SeriesState state, boolean breaching) {
        if (state.breaching != breaching) {
            state.breaching = breaching;
            state.dirty = true;
        }
    }
}
