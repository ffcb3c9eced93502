package io.armature.core.internal.driver;

import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverStatus;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;

/** The context one running driver publishes through; status goes to the supervisor's board. */
final class SupervisedContext implements DriverContext {
    private final String driverId;
    private final long serviceId;
    private final IngestService ingest;
    private final DriverStatusBoard board;

    SupervisedContext(
            String driverId, long serviceId, IngestService ingest, DriverStatusBoard board) {
        this.driverId = driverId;
        this.serviceId = serviceId;
        this.ingest = ingest;
        this.board = board;
    }

    @Override
    public String driverId() {
        return driverId;
    }

    @Override
    public IngestResult publish(SampleBatch batch, Duration maxWait) throws InterruptedException {
        return ingest.ingest(batch, maxWait);
    }

    @Override
    public void status(DriverStatus status, String message) {
        board.put(serviceId, status, message);
    }
}
