package io.armature.core.internal.driver;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which driver last delivered data for (or claimed) each device: where its commands go. Devices are
 * keyed {@code tenant/device}. Thread-safe; a batch costs one map lookup per change of device in
 * it, not per sample.
 */
final class DeviceOwners {
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    void claim(String tenant, String device, String driverId) {
        String key = tenant + "/" + device;
        if (!driverId.equals(owners.get(key))) {
            owners.put(key, driverId);
        }
    }

    /** Claims the devices of the samples of {@code batch} not marked in {@code rejected}. */
    void claim(SampleBatch batch, boolean[] rejected, String driverId) {
        List<Sample> samples = batch.samples();
        String tenant = null;
        String device = null;
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            if (rejected[i] || (sample.tenant().equals(tenant) && sample.device().equals(device))) {
                continue;
            }
            tenant = sample.tenant();
            device = sample.device();
            claim(tenant, device, driverId);
        }
    }

    Optional<String> owner(String tenant, String device) {
        return Optional.ofNullable(owners.get(tenant + "/" + device));
    }

    /** The devices a driver owns, {@code tenant/device}, sorted. */
    List<String> ownedBy(String driverId) {
        return owners.entrySet().stream()
                .filter(e -> e.getValue().equals(driverId))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
