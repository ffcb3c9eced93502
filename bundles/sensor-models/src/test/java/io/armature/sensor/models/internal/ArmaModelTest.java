package io.armature.sensor.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArmaModelTest {
    private static ArmaModel model(double[] ar, double[] ma) {
        return new ArmaModel(0, ar, ma, 1);
    }

    @Test
    void theShippedModelsAreStationaryAndInvertible() {
        for (ArmaModel m :
                List.of(
                        StandardModels.HUMIDITY,
                        StandardModels.TEMPERATURE,
                        StandardModels.PRESSURE,
                        StandardModels.POWER)) {
            assertEquals(List.of(), m.problems(), m.toString());
        }
        assertEquals(4, StandardModels.HUMIDITY.ar().length);
        assertEquals(3, StandardModels.HUMIDITY.ma().length);
    }

    @Test
    void stationarityMatchesTheRootsOfTheArPolynomial() {
        // AR(2) is stationary exactly inside the triangle |φ2| < 1, φ2 + φ1 < 1, φ2 - φ1 < 1
        double[][] inside = {{0.5, 0.3}, {1.6, -0.64}, {-0.5, 0.4}, {0, 0.99}, {1.9, -0.95}};
        double[][] outside = {{0.5, 0.6}, {1, 0}, {-0.3, -1}, {1.2, -0.1}, {0, 1.01}};
        for (double[] ar : inside) {
            assertEquals(0, ArmaModel.firstUnstableOrder(ar), java.util.Arrays.toString(ar));
        }
        for (double[] ar : outside) {
            assertTrue(ArmaModel.firstUnstableOrder(ar) > 0, java.util.Arrays.toString(ar));
        }
        // (1 - 0.5z)(1 - 1.25z): a root at z = 0.8, inside the unit circle
        assertTrue(ArmaModel.firstUnstableOrder(new double[] {1.75, -0.625}) > 0);
        // (1 - 0.9z)^3 = 1 - 2.7z + 2.43z² - 0.729z³: every root at 1/0.9
        assertEquals(0, ArmaModel.firstUnstableOrder(new double[] {2.7, -2.43, 0.729}));
    }

    @Test
    void invalidModelsAreRefusedWithEveryReason() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new ArmaModel(0, new double[] {1.0}, new double[] {1.5}, -1)
                                        .validated());
        assertTrue(
                e.getMessage().contains("variance must be a finite number >= 0"), e.getMessage());
        assertTrue(
                e.getMessage().contains("AR coefficients [1.0] are not stationary"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("MA coefficients [1.5] are not invertible"),
                e.getMessage());
        assertEquals(List.of(), model(new double[0], new double[] {-0.5, 0.2}).problems());
        assertEquals(1, model(new double[] {Double.NaN}, new double[0]).problems().size());
    }
}
