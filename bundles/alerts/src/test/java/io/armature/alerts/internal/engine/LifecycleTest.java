package io.armature.alerts.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.alerts.internal.engine.Lifecycle.Step;
import io.armature.api.alert.AlertRule;
import io.armature.api.alert.Verdict;
import io.armature.api.storage.SeriesKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private static RuleEntry rule(long forSeconds, long keepSeconds) {
        AlertRule rule = (sample, memory) -> Verdict.NONE;
        return RuleEntry.of(
                rule,
                Map.of(
                        "service.pid",
                        "io.armature.alerts.threshold~t.r",
                        AlertRule.TENANT,
                        "t",
                        AlertRule.FOR_SECONDS,
                        forSeconds,
                        AlertRule.KEEP_FIRING_SECONDS,
                        keepSeconds));
    }

    private static SeriesState state() {
        return new SeriesState("p", new SeriesKey("t", "d", "m"));
    }

    private static Step breach(SeriesState state, long at, RuleEntry rule) {
        return Lifecycle.apply(state, Verdict.breach(1.0, "b"), at, rule);
    }

    private static Step ok(SeriesState state, long at, RuleEntry rule) {
        return Lifecycle.apply(state, Verdict.ok(0.0, "o"), at, rule);
    }

    @Test
    void aBreachOpensOnlyOnceItHasLastedThePendingPeriod() {
        RuleEntry rule = rule(5, 0);
        SeriesState state = state();
        assertEquals(Step.NONE, breach(state, 0, rule));
        assertEquals(Step.NONE, breach(state, 4_999_000, rule));
        assertEquals(Step.OPEN, breach(state, 5_000_000, rule));
        assertEquals(0, state.pendingSince);
    }

    @Test
    void anInterruptionRestartsThePendingPeriod() {
        RuleEntry rule = rule(5, 0);
        SeriesState state = state();
        breach(state, 0, rule);
        ok(state, 3_000_000, rule);
        assertEquals(Step.NONE, breach(state, 6_000_000, rule));
        assertEquals(6_000_000, state.pendingSince);
    }

    @Test
    void anActiveAlertIsUpdatedRetriggeredAfterAnEndAndClearedAfterKeepFiring() {
        RuleEntry rule = rule(0, 10);
        SeriesState state = state();
        assertEquals(Step.OPEN, breach(state, 0, rule));
        state.alertId = 7;
        assertEquals(Step.LAST_VALUE, breach(state, 1_000_000, rule));
        assertEquals(Step.LAST_VALUE, ok(state, 2_000_000, rule));
        assertEquals(Step.RETRIGGER, breach(state, 3_000_000, rule));
        assertEquals(-1, state.okSince);
        assertEquals(Step.LAST_VALUE, ok(state, 4_000_000, rule));
        assertEquals(Step.LAST_VALUE, ok(state, 13_999_000, rule));
        assertEquals(Step.CLEAR, ok(state, 14_000_000, rule));
    }

    @Test
    void aNoOpinionVerdictChangesNothing() {
        RuleEntry rule = rule(0, 0);
        SeriesState state = state();
        assertEquals(Step.NONE, Lifecycle.apply(state, Verdict.NONE, 0, rule));
        assertFalse(state.dirty);
    }

    @Test
    void onATickAPendingBreachCompletesByTheTimeSinceItsLatestSampleArrived() {
        RuleEntry rule = rule(60, 0);
        SeriesState state = state();
        state.sampled(0, 1_000_000_000);
        breach(state, 0, rule);
        state.sampled(10_000_000, 1_000_000_000);
        breach(state, 10_000_000, rule);
        assertEquals(Step.NONE, Lifecycle.elapse(state, 1_049_999_000, rule), "10 s + 49.999 s");
        assertEquals(Step.OPEN, Lifecycle.elapse(state, 1_050_000_000, rule));
    }

    @Test
    void afterAnOperatorClearedItABreachWaitsForTheConditionToEnd() {
        RuleEntry rule = rule(0, 0);
        SeriesState state = state();
        state.awaitOk = true;
        assertEquals(Step.NONE, breach(state, 0, rule));
        assertEquals(Step.NONE, ok(state, 1_000_000, rule));
        assertFalse(state.awaitOk);
        assertEquals(Step.OPEN, breach(state, 2_000_000, rule));
        assertTrue(state.dirty);
    }
}
