package io.armature.sensor.models.internal;

import io.armature.api.sensor.MetricSpec;

/**
 * The default models and ranges of the built-in sensor types. The ARMA coefficients are not fitted
 * to data (the seed's measurements are not part of this repository): they are built from chosen
 * poles and zeros, so they are stationary and invertible by construction, and the innovation
 * variance is set so that the process has the stated standard deviation around its mean (σ² =
 * target variance / Σ ψ_j², with ψ the MA(∞) weights). docs/simulation.md shows the derivation.
 */
final class StandardModels {
    private StandardModels() {}

    /** Indoor relative humidity, ARMA(4, 3): mean 45 %, standard deviation ≈ 2 %. */
    static final ArmaModel HUMIDITY =
            new ArmaModel(
                    45,
                    // poles 0.97, 0.6, 0.4 ± 0.3i: (1-0.97z)(1-0.6z)(1-0.8z+0.25z²)
                    new double[] {2.37, -2.088, 0.8581, -0.1455},
                    // zeros from (1+0.5z)(1-0.3z)(1+0.2z)
                    new double[] {0.4, -0.11, -0.03},
                    0.005);

    /** Indoor temperature, ARMA(2, 1): mean 21.5 °C, standard deviation ≈ 0.5 °C. */
    static final ArmaModel TEMPERATURE =
            new ArmaModel(21.5, new double[] {1.48, -0.49}, new double[] {0.3}, 0.0015);

    /** Barometric pressure, AR(1): mean 1013.25 hPa, standard deviation ≈ 3 hPa. */
    static final ArmaModel PRESSURE =
            new ArmaModel(1013.25, new double[] {0.995}, new double[0], 0.09);

    /** Household electrical power, ARMA(1, 1): mean 800 W, standard deviation ≈ 150 W. */
    static final ArmaModel POWER = new ArmaModel(800, new double[] {0.9}, new double[] {0.2}, 3000);

    static final MetricSpec TEMPERATURE_SPEC =
            new MetricSpec("temperature", "Cel", "Temperature", -40, 125);
    static final MetricSpec HUMIDITY_SPEC =
            new MetricSpec("humidity", "%", "Relative humidity", 0, 100);
    static final MetricSpec PRESSURE_SPEC =
            new MetricSpec("pressure", "hPa", "Barometric pressure", 300, 1100);
}
