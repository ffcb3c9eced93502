package com.example.signal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WaveformTest {
    @Test
    void sineHasItsExtremesAtQuarterPeriods() {
        assertEquals(20.0, Waveform.SINE.valueAt(0, 10, 20, 60), 1e-9);
        assertEquals(30.0, Waveform.SINE.valueAt(15, 10, 20, 60), 1e-9);
        assertEquals(10.0, Waveform.SINE.valueAt(45, 10, 20, 60), 1e-9);
        assertEquals(20.0, Waveform.SINE.valueAt(60, 10, 20, 60), 1e-9);
    }

    @Test
    void rampRisesLinearlyAndWrapsEachPeriod() {
        assertEquals(10.0, Waveform.RAMP.valueAt(0, 10, 20, 60), 1e-9);
        assertEquals(20.0, Waveform.RAMP.valueAt(30, 10, 20, 60), 1e-9);
        assertEquals(25.0, Waveform.RAMP.valueAt(45, 10, 20, 60), 1e-9);
        assertEquals(10.0, Waveform.RAMP.valueAt(60, 10, 20, 60), 1e-9);
    }
}
