package io.armature.alerts.internal.rules;

import io.armature.api.alert.RuleMemory;
import java.util.Arrays;

/**
 * The recent samples of one series, kept in the rule's memory as two arrays ({@code window.t} times
 * in epoch ms, {@code window.v} values), oldest first, at most {@value #MAX} samples.
 */
final class SampleWindow {
    static final int MAX = 5_000;
    private double[] times;
    private double[] values;
    private int size;

    private SampleWindow(double[] times, double[] values) {
        this.times = times;
        this.values = values;
        this.size = times.length;
    }

    static SampleWindow read(RuleMemory memory) {
        double[] t = memory.array("window.t");
        double[] v = memory.array("window.v");
        if (t == null || v == null || t.length != v.length) {
            return new SampleWindow(new double[0], new double[0]);
        }
        return new SampleWindow(t, v);
    }

    void add(long time, double value) {
        if (size == times.length) {
            int grown = Math.min(MAX, Math.max(8, size * 2));
            if (grown == size) {
                dropFirst(1);
            } else {
                times = Arrays.copyOf(times, grown);
                values = Arrays.copyOf(values, grown);
            }
        }
        times[size] = time;
        values[size] = value;
        size++;
    }

    /** Keeps at most the newest {@code count} samples. */
    void keepLast(int count) {
        if (size > count) {
            dropFirst(size - count);
        }
    }

    void dropBefore(long time) {
        int drop = 0;
        while (drop < size - 1 && times[drop] < time) {
            drop++;
        }
        dropFirst(drop);
    }

    private void dropFirst(int count) {
        System.arraycopy(times, count, times, 0, size - count);
        System.arraycopy(values, count, values, 0, size - count);
        size -= count;
    }

    void write(RuleMemory memory) {
        memory.putArray("window.t", Arrays.copyOf(times, size));
        memory.putArray("window.v", Arrays.copyOf(values, size));
    }

    int size() {
        return size;
    }

    long span() {
        return size == 0 ? 0 : (long) (times[size - 1] - times[0]);
    }

    double firstValue() {
        return values[0];
    }

    double value(int i) {
        return values[i];
    }
}
