package io.armature.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentRateTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RecentRate rate = new RecentRate(now::get);

    @Test
    void averagesTheWholeSecondsSinceStartUntilAMinuteHasPassed() {
        rate.add(100);
        now.addAndGet(1000);
        rate.add(300);
        now.addAndGet(1000);
        assertEquals(200.0, rate.perSecond(), 1e-9);
    }

    @Test
    void leavesOutTheCurrentPartialSecond() {
        now.addAndGet(5000);
        rate.add(50);
        assertEquals(0.0, rate.perSecond(), 1e-9);
        now.addAndGet(1000);
        assertEquals(50.0 / 6, rate.perSecond(), 1e-9);
    }

    @Test
    void forgetsWhatIsOlderThanAMinute() {
        now.addAndGet(120_000);
        rate.add(6000);
        now.addAndGet(1000);
        assertEquals(100.0, rate.perSecond(), 1e-9);
        now.addAndGet(60_000);
        assertEquals(0.0, rate.perSecond(), 1e-9);
    }

    @Test
    void reusesASlotForANewSecondWithoutKeepingTheOldCount() {
        now.addAndGet(120_000);
        rate.add(600);
        now.addAndGet(60_000);
        rate.add(60);
        now.addAndGet(1000);
        assertEquals(1.0, rate.perSecond(), 1e-9);
    }
}
