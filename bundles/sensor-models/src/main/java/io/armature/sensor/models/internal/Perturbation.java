package io.armature.sensor.models.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One term added to a simulated value, as the seed defines them: {@code X̃_t = X_t + ε_t + S_t +
 * D_t + offset}. {@code t} is the step (sample) index since the simulated sensor started, from 0.
 */
public sealed interface Perturbation {
    /** The term's value at step {@code t}, drawing from {@code random} when it is random. */
    double at(long t, RandomGenerator random);

    /** Why the parameters cannot be used; empty when they can. */
    List<String> problems();

    /** White noise ε_t ~ N(mean, std²). */
    record WhiteNoise(double mean, double std) implements Perturbation {
        @Override
        public double at(long t, RandomGenerator random) {
            return mean + std * random.nextGaussian();
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!Double.isFinite(mean)) {
                problems.add("mean must be a finite number");
            }
            if (!(std >= 0) || !Double.isFinite(std)) {
                problems.add("std must be a finite number >= 0");
            }
            return problems;
        }
    }

    /**
     * Random spike S_t ~ U(low, high) with probability {@code probability} at each step, else 0.
     */
    record RandomSpike(double probability, double low, double high) implements Perturbation {
        @Override
        public double at(long t, RandomGenerator random) {
            // both draws every step, so one spike's presence does not shift later noise
            double u = random.nextDouble();
            double value = low + (high - low) * random.nextDouble();
            return u < probability ? value : 0;
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!(probability >= 0 && probability <= 1)) {
                problems.add("probability must be within [0, 1]");
            }
            if (!Double.isFinite(low) || !Double.isFinite(high)) {
                problems.add("low and high must be finite numbers");
            } else if (low > high) {
                problems.add("low must not exceed high");
            }
            return problems;
        }
    }

    /** Drift D_t = start + t·rate, t the step index. */
    record Drift(double start, double rate) implements Perturbation {
        @Override
        public double at(long t, RandomGenerator random) {
            return start + t * rate;
        }

        @Override
        public List<String> problems() {
            return Double.isFinite(start) && Double.isFinite(rate)
                    ? List.of()
                    : List.of("start and rate must be finite numbers");
        }
    }
}
