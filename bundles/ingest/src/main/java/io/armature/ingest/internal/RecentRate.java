package io.armature.ingest.internal;

import java.util.function.LongSupplier;

/**
 * Events per second over the last minute, from 60 one-second slots: what an operator means by
 * "ingest rate now". Thread-safe; {@link #add} costs one lock on a small array, once per accepted
 * batch.
 */
final class RecentRate {
    static final int WINDOW_SECONDS = 60;

    private final LongSupplier clockMillis;
    private final long[] counts = new long[WINDOW_SECONDS];
    private final long[] slotSecond = new long[WINDOW_SECONDS];
    private final long startSecond;

    RecentRate(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.startSecond = clockMillis.getAsLong() / 1000;
        java.util.Arrays.fill(slotSecond, Long.MIN_VALUE);
    }

    synchronized void add(long events) {
        if (events <= 0) {
            return;
        }
        long second = clockMillis.getAsLong() / 1000;
        int slot = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        if (slotSecond[slot] != second) {
            slotSecond[slot] = second;
            counts[slot] = 0;
        }
        counts[slot] += events;
    }

    /**
     * Average per second over the last 60 whole seconds (the current, partial second excluded), or
     * over the whole seconds since start when that is shorter.
     */
    synchronized double perSecond() {
        long now = clockMillis.getAsLong() / 1000;
        long sum = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            long age = now - slotSecond[i];
            if (age >= 1 && age <= WINDOW_SECONDS) {
                sum += counts[i];
            }
        }
        long span = Math.min(WINDOW_SECONDS, now - startSecond);
        return span <= 0 ? 0 : (double) sum / span;
    }
}
