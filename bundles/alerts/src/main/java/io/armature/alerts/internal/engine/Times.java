package io.armature.alerts.internal.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The engine's clock unit: epoch microseconds, the precision storage keeps sample times at. */
final class Times {
    private Times() {}

    static long micros(Instant time) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    static long now() {
        return micros(Instant.now());
    }
}
