package io.armature.sensor.models.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds values to a sensor's output resolution (0.01, 0.5, 1 …), half-even, the way a sensor
 * reports them: 21.346 at 0.01 is 21.35, exactly (no 21.349999999999998).
 */
public final class Resolution {
    private final BigDecimal step;

    /**
     * @param step the resolution, > 0; 0 means no rounding
     */
    public Resolution(double step) {
        if (!(step >= 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("resolution must be a finite number >= 0");
        }
        this.step = step == 0 ? null : BigDecimal.valueOf(step);
    }

    /** The value rounded to a multiple of the step; non-finite values are returned as they are. */
    public double round(double value) {
        if (step == null || !Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value)
                .divide(step, 0, RoundingMode.HALF_EVEN)
                .multiply(step)
                .doubleValue();
    }
}
