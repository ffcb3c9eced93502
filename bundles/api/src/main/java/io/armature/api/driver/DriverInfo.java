package io.armature.api.driver;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one supervised driver instance.
 *
 * @param id the driver's id ({@link DriverContext#driverId()})
 * @param state its state now
 * @param lastError the message of the last failure or reported problem, null when none since it
 *     last started cleanly
 * @param restarts how many times the supervisor started it again after the first start (after
 *     failures and on request)
 * @param nextRetryAt when it is started again, while {@link DriverState#BACKOFF}; null otherwise
 * @param runningSince when its current run began, while {@link DriverState#RUNNING}
 * @param samplesIn samples ingest accepted from it since the runtime started
 * @param samplesRejected samples refused, by reason (ingest's and the driver's own), never null
 * @param devices the devices it owns, {@code tenant/device}, sorted
 * @param abandonedThreads start or stop calls that hung past their timeout and were given up
 */
public record DriverInfo(
        String id,
        DriverState state,
        String lastError,
        int restarts,
        Instant nextRetryAt,
        Instant runningSince,
        long samplesIn,
        Map<String, Long> samplesRejected,
        List<String> devices,
        int abandonedThreads) {
    public DriverInfo {
        samplesRejected = Map.copyOf(samplesRejected);
        devices = List.copyOf(devices);
    }
}
