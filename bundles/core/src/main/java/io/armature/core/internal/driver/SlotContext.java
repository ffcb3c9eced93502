package io.armature.core.internal.driver;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The context of one start attempt of one driver: publishes into ingest and counts for the slot;
 * its reports are ignored once the attempt is stale.
 */
final class SlotContext implements DriverContext {
    private static final Duration INGEST_ABSENT_RETRY = Duration.ofSeconds(1);

    private final DriverSlot slot;
    private final long attempt;
    private final Supplier<IngestService> ingest;
    private final DeviceOwners owners;

    SlotContext(
            DriverSlot slot, long attempt, Supplier<IngestService> ingest, DeviceOwners owners) {
        this.slot = slot;
        this.attempt = attempt;
        this.ingest = ingest;
        this.owners = owners;
    }

    @Override
    public String driverId() {
        return slot.id;
    }

    @Override
    public IngestResult publish(SampleBatch batch, Duration maxWait) throws InterruptedException {
        IngestService service = ingest.get();
        if (service == null) {
            // ingest is restarting (its bundle updated): the driver keeps its samples and
            // offers them again, as it does under backpressure
            return new IngestResult(0, List.of(), INGEST_ABSENT_RETRY, IngestResult.STOPPING);
        }
        IngestResult result = service.ingest(batch, maxWait);
        slot.counters.samplesIn.add(result.accepted());
        boolean[] rejected = new boolean[batch.size()];
        for (Rejection rejection : result.rejections()) {
            slot.counters.reject(rejection.reason(), 1);
            if (rejection.index() >= 0 && rejection.index() < rejected.length) {
                rejected[rejection.index()] = true;
            }
        }
        if (result.accepted() > 0) {
            owners.claim(batch, rejected, slot.id);
        }
        return result;
    }

    @Override
    public void rejected(String reason, long count) {
        if (reason != null && count > 0 && slot.isCurrent(attempt)) {
            slot.counters.reject(reason, count);
        }
    }

    @Override
    public void failed(String reason) {
        slot.failed(attempt, reason == null ? "driver reported failure" : reason);
    }

    @Override
    public void problem(String message) {
        slot.problem(attempt, message);
    }

    @Override
    public void owns(String tenant, String device) {
        if (tenant != null && device != null && slot.isCurrent(attempt)) {
            owners.claim(tenant, device, slot.id);
        }
    }
}
