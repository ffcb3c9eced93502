package io.armature.sensor.models.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ARMA(p, q) model {@code X_t - μ = Σ φ_i (X_{t-i} - μ) + ε_t + Σ θ_j ε_{t-j}}, with ε_t ~ N(0,
 * σ²). Valid only when stationary (every root of {@code 1 - Σ φ_i z^i} lies outside the unit
 * circle) and invertible (likewise for {@code 1 + Σ θ_j z^j}); {@link #problems()} says what is
 * wrong otherwise.
 *
 * <p>Both are checked with the Schur–Cohn step-down recursion: a polynomial {@code 1 - Σ a_i z^i}
 * has all its roots outside the unit circle exactly when every reflection coefficient (for an AR
 * polynomial, the partial autocorrelations) is less than 1 in magnitude. No root finding.
 *
 * @param mean μ
 * @param ar φ_1 … φ_p
 * @param ma θ_1 … θ_q
 * @param variance σ², the innovation variance
 */
public record ArmaModel(double mean, double[] ar, double[] ma, double variance) {
    public ArmaModel {
        ar = ar.clone();
        ma = ma.clone();
    }

    /** Why the model cannot be simulated; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!Double.isFinite(mean)) {
            problems.add("mean must be a finite number");
        }
        if (!(variance >= 0) || !Double.isFinite(variance)) {
            problems.add("variance must be a finite number >= 0, not " + variance);
        }
        if (Arrays.stream(ar).anyMatch(c -> !Double.isFinite(c))
                || Arrays.stream(ma).anyMatch(c -> !Double.isFinite(c))) {
            problems.add("coefficients must be finite numbers");
            return problems;
        }
        int bad = firstUnstableOrder(ar);
        if (bad > 0) {
            problems.add(
                    "AR coefficients "
                            + Arrays.toString(ar)
                            + " are not stationary: 1 - Σ φ_i z^i has a root on or inside the unit"
                            + " circle (reflection coefficient of order "
                            + bad
                            + " has magnitude >= 1)");
        }
        double[] negatedMa = Arrays.stream(ma).map(c -> -c).toArray();
        bad = firstUnstableOrder(negatedMa);
        if (bad > 0) {
            problems.add(
                    "MA coefficients "
                            + Arrays.toString(ma)
                            + " are not invertible: 1 + Σ θ_j z^j has a root on or inside the unit"
                            + " circle (reflection coefficient of order "
                            + bad
                            + " has magnitude >= 1)");
        }
        return problems;
    }

    /** The model, or an exception listing every problem. */
    public ArmaModel validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return this;
    }

    /**
     * 0 when every root of {@code 1 - Σ a_i z^i} lies outside the unit circle, else the order whose
     * reflection coefficient is not below 1 in magnitude.
     */
    static int firstUnstableOrder(double[] coefficients) {
        double[] a = coefficients.clone();
        for (int m = a.length; m >= 1; m--) {
            double k = a[m - 1];
            if (Math.abs(k) >= 1) {
                return m;
            }
            double[] lower = new double[m - 1];
            for (int j = 1; j < m; j++) {
                lower[j - 1] = (a[j - 1] + k * a[m - j - 1]) / (1 - k * k);
            }
            a = lower;
        }
        return 0;
    }

    /** Fresh state for this model, started at its mean. */
    public ArmaProcess process(java.util.random.RandomGenerator random) {
        return new ArmaProcess(validated(), random);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArmaModel m
                && Double.compare(mean, m.mean) == 0
                && Arrays.equals(ar, m.ar)
                && Arrays.equals(ma, m.ma)
                && Double.compare(variance, m.variance) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {mean, variance}) * 31
                + Arrays.hashCode(ar) * 17
                + Arrays.hashCode(ma);
    }

    @Override
    public String toString() {
        return "ARMA("
                + ar.length
                + ", "
                + ma.length
                + ") mean="
                + mean
                + " ar="
                + Arrays.toString(ar)
                + " ma="
                + Arrays.toString(ma)
                + " variance="
                + variance;
    }
}
