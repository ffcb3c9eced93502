package io.armature.alerts.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.alert.Verdict;
import io.armature.api.sample.Sample;
import io.armature.api.storage.SeriesKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rate of change, deviation from the rolling mean and no data, on known series. */
class WindowRulesTest {
    private static Sample sample(long second, double value) {
        return new Sample("t", "d", "m", Instant.ofEpochSecond(second), value);
    }

    @Test
    void rateOfChangeComparesTheSlopeOverTheWindow() {
        RateOfChangeRule rule =
                new RateOfChangeRule(
                        RuleFixtures.config(
                                RateOfChangeRule.Config.class,
                                Map.of(
                                        "operator",
                                        ">",
                                        "limit",
                                        2.0,
                                        "windowSeconds",
                                        60L,
                                        "tenant",
                                        "t")));
        RuleFixtures.Memory memory = new RuleFixtures.Memory();
        assertEquals(Verdict.Kind.NONE, rule.evaluate(sample(0, 20), memory).kind());
        assertEquals(
                Verdict.Kind.NONE,
                rule.evaluate(sample(20, 20.5), memory).kind(),
                "window not half full");
        Verdict slow = rule.evaluate(sample(30, 21), memory);
        assertEquals(Verdict.Kind.OK, slow.kind());
        assertEquals(2.0, slow.value(), 1e-9, "1 per 30 s = 2 per minute");
        Verdict fast = rule.evaluate(sample(60, 25), memory);
        assertEquals(Verdict.Kind.BREACH, fast.kind());
        assertEquals(5.0, fast.value(), 1e-9);
        assertEquals(
                Verdict.Kind.BREACH,
                rule.evaluate(sample(90, 30), memory).kind(),
                "the window dropped second 0: (30 - 20.5) / 70 s");
        assertEquals(
                Verdict.Kind.NONE, rule.evaluate(sample(200, 30), memory).kind(), "a gap: no rate");
        assertEquals(Verdict.Kind.OK, rule.evaluate(sample(230, 30), memory).kind(), "flat now");
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new RateOfChangeRule(
                                RuleFixtures.config(
                                        RateOfChangeRule.Config.class,
                                        Map.of("operator", ">=", "limit", 1.0))));
    }

    @Test
    void deviationFlagsTheSpikesOfANoisySeriesAndNothingElse() {
        DeviationRule rule =
                new DeviationRule(
                        RuleFixtures.config(
                                DeviationRule.Config.class,
                                Map.of(
                                        "sigmas",
                                        4.0,
                                        "windowSamples",
                                        100,
                                        "minSamples",
                                        30,
                                        "tenant",
                                        "t")));
        RuleFixtures.Memory memory = new RuleFixtures.Memory();
        Random random = new Random(42);
        int breaches = 0;
        for (int i = 0; i < 2_000; i++) {
            boolean spike = i % 500 == 499;
            double value = 20 + random.nextGaussian() * 0.5 + (spike ? 8 : 0);
            Verdict verdict = rule.evaluate(sample(i, value), memory);
            if (i < 30) {
                assertEquals(Verdict.Kind.NONE, verdict.kind());
            } else if (spike) {
                assertEquals(Verdict.Kind.BREACH, verdict.kind(), "spike at " + i + ": " + verdict);
                breaches++;
            } else if (verdict.kind() == Verdict.Kind.BREACH) {
                breaches++;
            }
        }
        assertEquals(4, breaches, "the four spikes, no noise at 4 σ with this seed");
        assertEquals(100, memory.arrays.get("window.v").length);
        RuleFixtures.Memory flat = new RuleFixtures.Memory();
        DeviationRule tolerant =
                new DeviationRule(
                        RuleFixtures.config(
                                DeviationRule.Config.class,
                                Map.of("minSamples", 5, "minDeviation", 0.5, "tenant", "t")));
        for (int i = 0; i < 10; i++) {
            tolerant.evaluate(sample(i, 7), flat);
        }
        assertEquals(
                Verdict.Kind.OK,
                tolerant.evaluate(sample(10, 7.2), flat).kind(),
                "below minDeviation");
        assertEquals(Verdict.Kind.BREACH, tolerant.evaluate(sample(11, 8), flat).kind());
    }

    @Test
    void noDataBreachesOnATickOnceTheSeriesHasBeenSilentLongEnough() {
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        Clock clock = Clock.fixed(start, ZoneOffset.UTC);
        NoDataRule rule =
                new NoDataRule(
                        RuleFixtures.config(
                                NoDataRule.Config.class,
                                Map.of("silenceSeconds", 60L, "tenant", "t")),
                        null,
                        clock);
        RuleFixtures.Memory memory = new RuleFixtures.Memory();
        SeriesKey series = new SeriesKey("t", "d", "m");
        assertEquals(Verdict.Kind.NONE, rule.tick(series, start, memory).kind(), "never seen");
        assertEquals(Verdict.Kind.OK, rule.evaluate(sample(0, 1), memory).kind());
        assertEquals(Verdict.Kind.NONE, rule.tick(series, start.plusSeconds(60), memory).kind());
        Verdict silent = rule.tick(series, start.plusSeconds(70), memory);
        assertEquals(Verdict.Kind.BREACH, silent.kind());
        assertTrue(silent.message().startsWith("no m sample for 70 s"), silent.message());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new NoDataRule(
                                RuleFixtures.config(
                                        NoDataRule.Config.class,
                                        Map.of("source", "files", "tenant", "t")),
                                null,
                                clock));
    }
}
