package com.example.signal.internal;

/** The signal shapes the generator can produce. */
public enum Waveform {
    /** {@code offset + amplitude * sin(2π t / period)}. */
    SINE,
    /** Rises linearly from {@code offset - amplitude} to {@code offset + amplitude} each period. */
    RAMP;

    /**
     * The value at {@code seconds} since the generator started.
     *
     * @param seconds elapsed time, seconds
     * @param amplitude half the peak-to-peak range
     * @param offset centre value
     * @param periodSeconds length of one cycle, seconds, positive
     */
    public double valueAt(double seconds, double amplitude, double offset, double periodSeconds) {
        double phase = (seconds % periodSeconds) / periodSeconds;
        return switch (this) {
            case SINE -> offset + amplitude * Math.sin(2 * Math.PI * phase);
            case RAMP -> offset - amplitude + 2 * amplitude * phase;
        };
    }
}
