package io.armature.sensor.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Long runs with fixed seeds: the sample ACF and PACF of the simulated processes against the
 * model's theoretical values (from the MA(∞) weights and the Durbin–Levinson recursion).
 */
class ArmaStatisticsTest {
    private static final int N = 200_000;
    private static final int LAGS = 10;

    static double[] simulate(ArmaModel model, long seed, int n) {
        ArmaProcess process = model.process(new SplittableRandom(seed));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = process.next();
        }
        return x;
    }

    /** Theoretical autocorrelations ρ(0..lags) from ψ weights, γ(h) = σ² Σ ψ_j ψ_{j+h}. */
    static double[] theoreticalAcf(ArmaModel model, int lags) {
        int terms = 50_000;
        double[] psi = new double[terms];
        psi[0] = 1;
        for (int j = 1; j < terms; j++) {
            double v = j <= model.ma().length ? model.ma()[j - 1] : 0;
            for (int i = 1; i <= Math.min(j, model.ar().length); i++) {
                v += model.ar()[i - 1] * psi[j - i];
            }
            psi[j] = v;
        }
        double[] gamma = new double[lags + 1];
        for (int h = 0; h <= lags; h++) {
            for (int j = 0; j + h < terms; j++) {
                gamma[h] += psi[j] * psi[j + h];
            }
        }
        double[] rho = new double[lags + 1];
        for (int h = 0; h <= lags; h++) {
            rho[h] = gamma[h] / gamma[0];
        }
        return rho;
    }

    static double[] sampleAcf(double[] x, int lags) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double[] acf = new double[lags + 1];
        for (int h = 0; h <= lags; h++) {
            double s = 0;
            for (int t = 0; t + h < x.length; t++) {
                s += (x[t] - mean) * (x[t + h] - mean);
            }
            acf[h] = s;
        }
        for (int h = lags; h >= 0; h--) {
            acf[h] /= acf[0];
        }
        return acf;
    }

    /** PACF φ_hh from autocorrelations (Durbin–Levinson). */
    static double[] pacf(double[] rho, int lags) {
        double[] pacf = new double[lags + 1];
        double[] phi = new double[lags + 1];
        pacf[0] = 1;
        double v = 1;
        for (int h = 1; h <= lags; h++) {
            double num = rho[h];
            for (int j = 1; j < h; j++) {
                num -= phi[j] * rho[h - j];
            }
            double k = num / v;
            double[] next = phi.clone();
            next[h] = k;
            for (int j = 1; j < h; j++) {
                next[j] = phi[j] - k * phi[h - j];
            }
            phi = next;
            v *= 1 - k * k;
            pacf[h] = k;
        }
        return pacf;
    }

    private static void assertMatches(ArmaModel model, long seed, int n, double tolerance) {
        double[] x = simulate(model, seed, n);
        double[] theory = theoreticalAcf(model, LAGS);
        double[] sample = sampleAcf(x, LAGS);
        double[] theoryPacf = pacf(theory, LAGS);
        double[] samplePacf = pacf(sample, LAGS);
        for (int h = 1; h <= LAGS; h++) {
            assertEquals(theory[h], sample[h], tolerance, model + " ACF lag " + h);
            assertEquals(theoryPacf[h], samplePacf[h], tolerance, model + " PACF lag " + h);
        }
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double std =
                Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / n);
        double expectedStd = Math.sqrt(model.variance() * gain(model));
        assertEquals(model.mean(), mean, 6 * expectedStd / Math.sqrt(n / 500.0), "mean");
        assertEquals(expectedStd, std, 0.1 * expectedStd, "standard deviation");
    }

    /** Σ ψ_j²: the process variance in units of the innovation variance. */
    private static double gain(ArmaModel model) {
        int terms = 50_000;
        double[] psi = new double[terms];
        psi[0] = 1;
        double sum = 1;
        for (int j = 1; j < terms; j++) {
            double v = j <= model.ma().length ? model.ma()[j - 1] : 0;
            for (int i = 1; i <= Math.min(j, model.ar().length); i++) {
                v += model.ar()[i - 1] * psi[j - i];
            }
            psi[j] = v;
            sum += v * v;
        }
        return sum;
    }

    @Test
    void humidityArma43MatchesItsTheoreticalAcfAndPacf() {
        // a pole at 0.97: strongly persistent, so a longer run for the same precision
        assertMatches(StandardModels.HUMIDITY, 42, 2_000_000, 0.02);
    }

    @Test
    void temperatureArma21MatchesItsTheoreticalAcfAndPacf() {
        assertMatches(StandardModels.TEMPERATURE, 7, 1_000_000, 0.02);
    }

    @Test
    void aShortMemoryArma22MatchesItsTheoreticalAcfAndPacf() {
        // fast-decaying correlations: the sample estimates are tight, so a wrong sign or lag fails
        assertMatches(
                new ArmaModel(5, new double[] {0.6, -0.3}, new double[] {0.4, 0.2}, 2), 1, N, 0.01);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        double[] a = simulate(StandardModels.HUMIDITY, 99, 1000);
        double[] b = simulate(StandardModels.HUMIDITY, 99, 1000);
        double[] c = simulate(StandardModels.HUMIDITY, 100, 1000);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(a, c));
    }
}
