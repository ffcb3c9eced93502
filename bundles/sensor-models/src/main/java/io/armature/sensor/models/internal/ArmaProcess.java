package io.armature.sensor.models.internal;

import java.util.random.RandomGenerator;

/**
 * One running realisation of an {@link ArmaModel}: keeps the last p deviations from the mean and
 * the last q innovations. Started at the mean with zero history, and run for a burn-in of a few
 * hundred steps so that the first value returned already follows the stationary distribution. Not
 * thread-safe.
 */
public final class ArmaProcess {
    private static final int BURN_IN = 500;

    private final ArmaModel model;
    private final RandomGenerator random;
    private final double sigma;
    private final double[] deviations; // x_{t-1} … x_{t-p}, ring buffer
    private final double[] innovations; // e_{t-1} … e_{t-q}, ring buffer
    private int position;

    ArmaProcess(ArmaModel model, RandomGenerator random) {
        this.model = model;
        this.random = random;
        this.sigma = Math.sqrt(model.variance());
        this.deviations = new double[Math.max(1, model.ar().length)];
        this.innovations = new double[Math.max(1, model.ma().length)];
        for (int i = 0; i < BURN_IN; i++) {
            next();
        }
    }

    /** X_t for the next step t. */
    public double next() {
        double[] ar = model.ar();
        double[] ma = model.ma();
        double e = sigma * random.nextGaussian();
        double x = e;
        for (int i = 0; i < ar.length; i++) {
            x += ar[i] * deviations[Math.floorMod(position - 1 - i, deviations.length)];
        }
        for (int j = 0; j < ma.length; j++) {
            x += ma[j] * innovations[Math.floorMod(position - 1 - j, innovations.length)];
        }
        deviations[Math.floorMod(position, deviations.length)] = x;
        innovations[Math.floorMod(position, innovations.length)] = e;
        position = Math.floorMod(position + 1, deviations.length * innovations.length);
        return model.mean() + x;
    }
}
