package io.armature.sensor.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerturbationTest {
    private static final int N = 200_000;

    @Test
    void whiteNoiseHasItsMeanAndStandardDeviation() {
        Perturbation noise = new Perturbation.WhiteNoise(0.3, 0.5);
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        double squares = 0;
        for (int t = 0; t < N; t++) {
            double v = noise.at(t, random);
            sum += v;
            squares += v * v;
        }
        double mean = sum / N;
        assertEquals(0.3, mean, 4 * 0.5 / Math.sqrt(N));
        assertEquals(0.5, Math.sqrt(squares / N - mean * mean), 0.005);
    }

    @Test
    void spikesOccurAtTheirRateWithValuesWithinTheirBounds() {
        Perturbation spike = new Perturbation.RandomSpike(0.02, 5, 8);
        SplittableRandom random = new SplittableRandom(2);
        int spikes = 0;
        double sum = 0;
        for (int t = 0; t < N; t++) {
            double v = spike.at(t, random);
            if (v != 0) {
                spikes++;
                sum += v;
                assertTrue(v >= 5 && v <= 8, "spike " + v);
            }
        }
        double p = 0.02;
        assertEquals(p * N, spikes, 4 * Math.sqrt(N * p * (1 - p)), "spike count");
        assertEquals(6.5, sum / spikes, 0.1, "spikes are uniform on [5, 8]");
    }

    @Test
    void driftGrowsByItsRatePerStep() {
        Perturbation drift = new Perturbation.Drift(1.5, 0.01);
        SplittableRandom random = new SplittableRandom(3);
        // least-squares slope over the run
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 10_000;
        for (int t = 0; t < n; t++) {
            double y = drift.at(t, random);
            sx += t;
            sy += y;
            sxx += (double) t * t;
            sxy += t * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertEquals(0.01, slope, 1e-9);
        assertEquals(1.5, drift.at(0, random), 1e-12);
    }

    @Test
    void badParametersAreNamed() {
        assertEquals(
                List.of("std must be a finite number >= 0"),
                new Perturbation.WhiteNoise(0, -1).problems());
        assertEquals(
                List.of("probability must be within [0, 1]", "low must not exceed high"),
                new Perturbation.RandomSpike(1.5, 3, 2).problems());
        assertEquals(
                List.of("start and rate must be finite numbers"),
                new Perturbation.Drift(Double.NaN, 0).problems());
    }

    @Test
    void resolutionRoundsLikeASensorReports() {
        Resolution hundredths = new Resolution(0.01);
        assertEquals(21.35, hundredths.round(21.346));
        assertEquals(0.3, hundredths.round(0.1 + 0.2));
        assertEquals(-3.14, hundredths.round(-3.1415));
        assertEquals(22.5, new Resolution(0.5).round(22.6));
        assertEquals(22.123456, new Resolution(0).round(22.123456));
        assertTrue(Double.isNaN(hundredths.round(Double.NaN)));
    }
}
