package io.armature.device.internal;

import io.armature.api.device.Tenant;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a tenant's retention to every storage backend: raw data older than now − retention is
 * dropped. A backend that cannot do it now is skipped and tried again at the next round.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private final List<TimeSeriesStore> stores;
    private final Clock clock;

    Retention(List<TimeSeriesStore> stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    void apply(Tenant tenant) {
        if (tenant.retention() == null) {
            return;
        }
        Instant cutoff = clock.instant().minus(tenant.retention());
        for (TimeSeriesStore store : stores) {
            try {
                int dropped = store.dropBefore(tenant.id(), cutoff);
                if (dropped > 0) {
                    LOG.info(
                            "retention of tenant {}: {} dropped {} partition(s) before {}",
                            tenant.id(),
                            store.id(),
                            dropped,
                            cutoff);
                }
            } catch (StorageUnavailableException | RuntimeException e) {
                LOG.warn(
                        "retention of tenant {} on {} not applied now: {}",
                        tenant.id(),
                        store.id(),
                        e.toString());
            }
        }
    }
}
