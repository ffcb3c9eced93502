package io.armature.alerts.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.alert.Verdict;
import io.armature.api.sample.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
    private static ThresholdRule.Config config(String operator, double threshold, String clear) {
        return RuleFixtures.config(
                ThresholdRule.Config.class,
                Map.of(
                        "operator",
                        operator,
                        "threshold",
                        threshold,
                        "clearThreshold",
                        clear,
                        "tenant",
                        "t"));
    }

    private static List<Verdict.Kind> run(ThresholdRule rule, double... values) {
        RuleFixtures.Memory memory = new RuleFixtures.Memory();
        List<Verdict.Kind> kinds = new ArrayList<>();
        for (double value : values) {
            kinds.add(
                    rule.evaluate(new Sample("t", "d", "m", Instant.EPOCH, value), memory).kind());
        }
        return kinds;
    }

    @Test
    void aboveWithHysteresisHoldsUntilBelowTheClearThreshold() {
        ThresholdRule rule = new ThresholdRule(config(">", 80, "75"));
        assertEquals(
                List.of(
                        Verdict.Kind.OK,
                        Verdict.Kind.OK,
                        Verdict.Kind.BREACH,
                        Verdict.Kind.BREACH,
                        Verdict.Kind.BREACH,
                        Verdict.Kind.OK,
                        Verdict.Kind.OK),
                run(rule, 70, 79, 81, 78, 75, 74.9, 79));
    }

    @Test
    void withoutAClearThresholdTheThresholdDecidesBothWays() {
        ThresholdRule rule = new ThresholdRule(config(">=", 10, ""));
        assertEquals(
                List.of(Verdict.Kind.OK, Verdict.Kind.BREACH, Verdict.Kind.OK),
                run(rule, 9.99, 10, 9.99));
    }

    @Test
    void belowWithHysteresisClearsAboveTheClearThreshold() {
        ThresholdRule rule = new ThresholdRule(config("<", 2.5, "3"));
        assertEquals(
                List.of(Verdict.Kind.BREACH, Verdict.Kind.BREACH, Verdict.Kind.OK),
                run(rule, 2.0, 2.9, 3.1));
    }

    @Test
    void theMessageNamesValueOperatorAndThresholds() {
        Verdict verdict =
                new ThresholdRule(config(">", 80, "75"))
                        .evaluate(
                                new Sample("t", "d", "force", Instant.EPOCH, 81.5),
                                new RuleFixtures.Memory());
        assertEquals("force 81.5 > 80 (clears below 75)", verdict.message());
        assertEquals(81.5, verdict.value());
    }

    @Test
    void badSettingsFailActivationNamingTheAttribute() {
        IllegalArgumentException wrongSide =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new ThresholdRule(config(">", 80, "85")));
        assertTrue(
                wrongSide.getMessage().startsWith("clearThreshold: 85 must be at or below"),
                wrongSide.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ThresholdRule(config("=>", 80, "")));
        IllegalArgumentException notNumber =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new ThresholdRule(config("<", 1, "low")));
        assertTrue(notNumber.getMessage().startsWith("clearThreshold:"), notNumber.getMessage());
    }
}
