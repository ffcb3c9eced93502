package io.armature.core.internal.driver;

import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverStatus;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.SampleBatch;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The context one running driver publishes through; status goes to the supervisor's board. */
final class SupervisedContext implements DriverContext {
    private final String driverId;
    private final long serviceId;
    private static final Duration INGEST_ABSENT_RETRY = Duration.ofSeconds(1);
    private final Supplier<IngestService> ingest;
    private final DriverStatusBoard board;

    SupervisedContext(
            String driverId,
            long serviceId,
            Supplier<IngestService> ingest,
            DriverStatusBoard board) {
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
        IngestService service = ingest.get();
        if (service == null) {
            // ingest is restarting (its bundle updated): the driver keeps its samples and
            // offers them again, as it does under backpressure
            return new IngestResult(0, List.of(), INGEST_ABSENT_RETRY, IngestResult.STOPPING);
        }
        return service.ingest(batch, maxWait);
    }

    @Override
    public void status(DriverStatus status, String message) {
        board.put(serviceId, status, message);
    }
}
