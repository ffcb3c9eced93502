package io.armature.api.ml;

import java.time.Instant;
import java.util.List;

/**
 * A forecast of one series.
 *
 * @param points predicted values with their prediction interval, in time order
 */
public record Forecast(List<Point> points) {
    public Forecast {
        points = List.copyOf(points);
    }

    /**
     * One predicted value.
     *
     * @param time predicted time, UTC
     * @param mean expected value
     * @param lower lower bound of the prediction interval
     * @param upper upper bound of the prediction interval
     */
    public record Point(Instant time, double mean, double lower, double upper) {}
}
