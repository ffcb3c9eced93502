package io.armature.alerts.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.alert.RuleMemory;
import io.armature.api.alert.Verdict;
import io.armature.api.sample.Sample;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
    /** A plain map as the engine's memory. */
    static final class MapMemory implements RuleMemory {
        final Map<String, Double> values = new HashMap<>();

        @Override
        public double get(String key, double absent) {
            return values.getOrDefault(key, absent);
        }

        @Override
        public void put(String key, double value) {
            values.put(key, value);
        }

        @Override
        public double[] array(String key) {
            return null;
        }

        @Override
        public void putArray(String key, double[] values) {}

        @Override
        public void remove(String key) {
            values.remove(key);
        }
    }

    private static ThresholdRule.Config config(String operator, double threshold, String clear) {
        return new ThresholdRule.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ThresholdRule.Config.class;
            }

            @Override
            public String severity() {
                return "major";
            }

            @Override
            public String tenant() {
                return "t";
            }

            @Override
            public String[] metrics() {
                return new String[0];
            }

            @Override
            public String[] devices() {
                return new String[0];
            }

            @Override
            public String[] deviceTypes() {
                return new String[0];
            }

            @Override
            public String[] tags() {
                return new String[0];
            }

            @Override
            public String operator() {
                return operator;
            }

            @Override
            public double threshold() {
                return threshold;
            }

            @Override
            public String clearThreshold() {
                return clear;
            }

            @Override
            public long forSeconds() {
                return 0;
            }

            @Override
            public long keepFiringSeconds() {
                return 0;
            }
        };
    }

    private static List<Verdict.Kind> run(ThresholdRule rule, double... values) {
        MapMemory memory = new MapMemory();
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
                                new MapMemory());
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
