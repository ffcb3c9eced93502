package io.armature.api.storage;

import java.util.Objects;

/**
 * Identifies one time series: a metric of a device of a tenant.
 *
 * @param tenant tenant id
 * @param device device id
 * @param metric metric id
 */
public record SeriesKey(String tenant, String device, String metric) {
    public SeriesKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(metric, "metric");
    }
}
