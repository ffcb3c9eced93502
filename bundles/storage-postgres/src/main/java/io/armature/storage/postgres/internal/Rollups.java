package io.armature.storage.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hourly summaries (count, sum, min, max, first, last) of the samples of one batch and one tenant,
 * merged into {@code rollup_1h} with one statement in the batch's transaction, so rollups and raw
 * samples never disagree.
 */
final class Rollups {
    static final long HOUR_MICROS = 3_600_000_000L;

    /** Summary of one series in one hour. */
    private static final class Cell {
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long firstTime = Long.MAX_VALUE;
        double first;
        long lastTime = Long.MIN_VALUE;
        double last;

        void add(long micros, double value) {
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (micros < firstTime) {
                firstTime = micros;
                first = value;
            }
            if (micros >= lastTime) {
                lastTime = micros;
                last = value;
            }
        }
    }

    private record Key(int series, long hour) {}

    private final Map<Key, Cell> cells = new HashMap<>();
    private Key lastKey;
    private Cell lastCell;

    void add(int series, Instant time, double value) {
        long micros = BinaryCopy.micros(time);
        long hour = Math.floorDiv(micros, HOUR_MICROS);
        if (lastKey == null || lastKey.series() != series || lastKey.hour() != hour) {
            lastKey = new Key(series, hour);
            lastCell = cells.computeIfAbsent(lastKey, k -> new Cell());
        }
        lastCell.add(micros, value);
    }

    /** Merges the cells into the schema's rollup table; call inside the batch's transaction. */
    void merge(Connection connection, String schema) throws SQLException {
        if (cells.isEmpty()) {
            return;
        }
        int n = cells.size();
        Integer[] series = new Integer[n];
        Long[] hours = new Long[n];
        Long[] counts = new Long[n];
        Double[] sums = new Double[n];
        Double[] mins = new Double[n];
        Double[] maxs = new Double[n];
        Long[] firstTimes = new Long[n];
        Double[] firsts = new Double[n];
        Long[] lastTimes = new Long[n];
        Double[] lasts = new Double[n];
        int i = 0;
        // rows locked in one global order: concurrent writers upserting the same hours wait for
        // each other instead of deadlocking
        List<Map.Entry<Key, Cell>> ordered = new ArrayList<>(cells.entrySet());
        ordered.sort(
                Map.Entry.comparingByKey(
                        java.util.Comparator.comparingInt(Key::series)
                                .thenComparingLong(Key::hour)));
        for (Map.Entry<Key, Cell> entry : ordered) {
            Cell c = entry.getValue();
            series[i] = entry.getKey().series();
            hours[i] = entry.getKey().hour() * HOUR_MICROS;
            counts[i] = c.count;
            sums[i] = c.sum;
            mins[i] = c.min;
            maxs[i] = c.max;
            firstTimes[i] = c.firstTime;
            firsts[i] = c.first;
            lastTimes[i] = c.lastTime;
            lasts[i] = c.last;
            i++;
        }
        String epoch = "timestamptz 'epoch' + interval '1 microsecond' * ";
        String sql =
                "INSERT INTO "
                        + schema
                        + ".rollup_1h AS r (series_id, bucket, count, sum, min, max, first_time, first, last_time, last)"
                        + " SELECT s, "
                        + epoch
                        + "h, c, su, mi, ma, "
                        + epoch
                        + "ft, f, "
                        + epoch
                        + "lt, l FROM unnest(?::int4[], ?::int8[], ?::int8[], ?::float8[], ?::float8[], ?::float8[], ?::int8[], ?::float8[], ?::int8[], ?::float8[])"
                        + " AS u(s, h, c, su, mi, ma, ft, f, lt, l)"
                        + " ON CONFLICT (series_id, bucket) DO UPDATE SET"
                        + " count = r.count + excluded.count, sum = r.sum + excluded.sum,"
                        + " min = least(r.min, excluded.min), max = greatest(r.max, excluded.max),"
                        + " first = CASE WHEN excluded.first_time < r.first_time THEN excluded.first ELSE r.first END,"
                        + " first_time = least(r.first_time, excluded.first_time),"
                        + " last = CASE WHEN excluded.last_time >= r.last_time THEN excluded.last ELSE r.last END,"
                        + " last_time = greatest(r.last_time, excluded.last_time)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("int4", series));
            statement.setArray(2, connection.createArrayOf("int8", hours));
            statement.setArray(3, connection.createArrayOf("int8", counts));
            statement.setArray(4, connection.createArrayOf("float8", sums));
            statement.setArray(5, connection.createArrayOf("float8", mins));
            statement.setArray(6, connection.createArrayOf("float8", maxs));
            statement.setArray(7, connection.createArrayOf("int8", firstTimes));
            statement.setArray(8, connection.createArrayOf("float8", firsts));
            statement.setArray(9, connection.createArrayOf("int8", lastTimes));
            statement.setArray(10, connection.createArrayOf("float8", lasts));
            statement.executeUpdate();
        }
    }
}
