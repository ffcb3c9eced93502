package io.armature.alerts.internal.engine;

import io.armature.api.alert.RuleMemory;
import io.armature.api.storage.SeriesKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the engine knows of one rule and one series: the rule's memory and the alert lifecycle
 * (pending since, clearing since, the active alert). Saved with each commit when it changed ({@link
 * #dirty}). Used on the engine's thread only.
 */
final class SeriesState implements RuleMemory {
    static final int MAX_ARRAY = 10_000;

    final String rulePid;
    final SeriesKey series;
    final Map<String, Double> numbers = new HashMap<>();
    final Map<String, double[]> arrays = new HashMap<>();

    /**
     * Time the current breach began (its pending period), -1 when not breaching. All times here are
     * epoch microseconds.
     */
    long pendingSince = -1;

    /** Time the condition of an active alert ended (its keep-firing period), -1 if it holds. */
    long okSince = -1;

    /** Whether the latest verdict was a breach. */
    boolean breaching;

    /** The active alert's id, 0 when none. */
    long alertId;

    /** After an operator cleared the alert: no new alert until the condition has ended once. */
    boolean awaitOk;

    /** The latest verdict's value and message (for the alert raised on a tick). */
    Double lastValue;

    String lastMessage;
    boolean dirty;

    /**
     * Time of the latest sample evaluated, and when it arrived (not saved: see {@link #restored}).
     */
    long lastSampleAt = -1;

    long lastReceivedAt;

    SeriesState(String rulePid, SeriesKey series) {
        this.rulePid = rulePid;
        this.series = series;
    }

    @Override
    public double get(String key, double absent) {
        Double value = numbers.get(key);
        return value == null ? absent : value;
    }

    @Override
    public void put(String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            remove(key);
            return;
        }
        Double old = numbers.put(key, value);
        if (old == null || old != value) {
            dirty = true;
        }
    }

    @Override
    public double[] array(String key) {
        double[] values = arrays.get(key);
        return values == null ? null : values.clone();
    }

    @Override
    public void putArray(String key, double[] values) {
        if (values.length > MAX_ARRAY) {
            throw new IllegalArgumentException(
                    "array of " + values.length + " exceeds " + MAX_ARRAY + " elements");
        }
        double[] old = arrays.put(key, values.clone());
        if (old == null || !Arrays.equals(old, values)) {
            dirty = true;
        }
    }

    @Override
    public void remove(String key) {
        if (numbers.remove(key) != null | arrays.remove(key) != null) {
            dirty = true;
        }
    }

    /**
     * A state read back after a restart: the clock of its periods resumes from the latest period
     * start it knows, as if that sample had just arrived.
     */
    void restored(long now) {
        lastSampleAt = Math.max(pendingSince, okSince);
        lastReceivedAt = now;
    }

    /** A sample of this series is being evaluated. */
    void sampled(long sampleTime, long now) {
        lastSampleAt = sampleTime;
        lastReceivedAt = now;
    }

    /**
     * The series' time on a tick: the latest sample's time plus the wall-clock time since it
     * arrived (a condition holds until a sample contradicts it; late or replayed data does not
     * complete a period at once).
     */
    long seriesTime(long now) {
        return lastSampleAt < 0 ? now : lastSampleAt + Math.max(0, now - lastReceivedAt);
    }

    boolean firing() {
        return alertId != 0;
    }
}
