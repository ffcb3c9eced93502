package io.armature.ingest.internal;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.DeviceStatus;
import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import io.armature.ingest.internal.feed.SampleFeed;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ingest counters (accepted, accepted per second over the last minute, rejected by reason,
 * live-stream batches skipped) and registry figures (tenants, devices by status), for {@code
 * /health} and the metrics derived from it.
 */
final class IngestHealthCheck implements HealthCheck {
    private final LiveIngest ingest;
    private final DeviceRegistry registry;
    private final SampleFeed feed;

    /** A durable consumer this far behind makes ingest degraded. */
    static final double LAG_DEGRADED_SECONDS = 60;

    IngestHealthCheck(LiveIngest ingest, DeviceRegistry registry, SampleFeed feed) {
        this.ingest = ingest;
        this.registry = registry;
        this.feed = feed;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public HealthResult check() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accepted_samples", ingest.acceptedCount());
        data.put("accepted_per_second", Math.round(ingest.acceptedPerSecond() * 10) / 10.0);
        Map<String, Long> rejected = ingest.rejectedCounts();
        data.put("rejected_samples", rejected);
        Map<String, Long> refused = ingest.refusedCounts();
        data.put("refused_samples", refused);
        data.put("live_stream_skipped_batches", ingest.skippedDeliveries());
        data.put("durable_consumers", feed.consumers());
        data.put("feed_bytes", feed.bytes());
        Map<String, Long> devices = new LinkedHashMap<>();
        for (DeviceStatus status : DeviceStatus.values()) {
            devices.put(status.name().toLowerCase(java.util.Locale.ROOT), 0L);
        }
        int tenants = 0;
        for (var tenant : registry.tenants()) {
            tenants++;
            for (var device : registry.devices(tenant.id())) {
                devices.merge(
                        device.status().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
            }
        }
        data.put("tenants", tenants);
        data.put("devices", devices);
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        long refusedTotal = refused.values().stream().mapToLong(Long::longValue).sum();
        double lag = feed.maxLagSeconds();
        long missed = feed.missedSamples();
        String behind =
                lag > LAG_DEGRADED_SECONDS || missed > 0
                        ? String.format(
                                java.util.Locale.ROOT,
                                "; a durable consumer is %.0f s behind, %d samples missed;",
                                lag,
                                missed)
                        : "";
        return new HealthResult(
                behind.isEmpty() ? HealthStatus.UP : HealthStatus.DEGRADED,
                ingest.acceptedCount()
                        + " samples accepted, "
                        + rejectedTotal
                        + " rejected, "
                        + refusedTotal
                        + " refused for retry"
                        + behind,
                data);
    }
}
