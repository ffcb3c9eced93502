package io.armature.api.sample;

import java.time.Instant;
import java.util.Objects;

/**
 * One numeric measurement of one metric of one device, immutable.
 *
 * <p>Identifiers are not validated here (the ingest service validates them and explains each
 * rejection); only {@code null} is refused, because a sample without a key cannot even be reported
 * back.
 *
 * @param tenant tenant id, the isolation boundary of all data
 * @param device device id, unique within the tenant
 * @param metric metric id, unique within the device (for example {@code temperature})
 * @param time when the value was measured, UTC instant
 * @param value the measured value, in the unit registered for the metric
 */
public record Sample(String tenant, String device, String metric, Instant time, double value) {
    public Sample {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(time, "time");
    }
}
