package io.armature.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.device.Admission;
import io.armature.api.device.Device;
import io.armature.api.device.DeviceStatus;
import io.armature.api.device.DeviceStatusChange;
import io.armature.api.device.MetricInfo;
import io.armature.api.device.Tenant;
import io.armature.api.device.UnknownDevicePolicy;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.sensor.MetricSpec;
import io.armature.api.sensor.SensorSimulator;
import io.armature.api.sensor.SensorType;
import io.armature.api.storage.Bucket;
import io.armature.api.storage.BucketQuery;
import io.armature.api.storage.RawPage;
import io.armature.api.storage.RawQuery;
import io.armature.api.storage.StorageUnavailableException;
import io.armature.api.storage.TimeSeriesStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceRegistryImplTest {
    @TempDir Path data;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final List<DeviceRegistryImpl> opened = new ArrayList<>();

    private DeviceRegistryImpl registry(boolean autoCreateTenants) {
        DeviceRegistryImpl registry =
                new DeviceRegistryImpl(
                        data.resolve("registry.json"),
                        Duration.ofSeconds(20),
                        autoCreateTenants,
                        Duration.ofHours(1),
                        clock);
        opened.add(registry);
        return registry;
    }

    @AfterEach
    void close() {
        opened.forEach(DeviceRegistryImpl::deactivate);
    }

    private static Sample sample(String tenant, String device, String metric) {
        return new Sample(tenant, device, metric, Instant.parse("2026-06-01T00:00:00Z"), 1);
    }

    private static List<Optional<Rejection>> admit(DeviceRegistryImpl registry, Sample... samples) {
        List<Optional<Rejection>> results = new ArrayList<>();
        try (Admission admission = registry.admission()) {
            for (int i = 0; i < samples.length; i++) {
                results.add(admission.check(i, samples[i]));
            }
        }
        return results;
    }

    @Test
    void unknownTenantAndDevicesAreRegisteredByTheirFirstSampleAndSurviveARestart() {
        DeviceRegistryImpl registry = registry(true);
        List<Optional<Rejection>> results =
                admit(
                        registry,
                        sample("acme", "press-1", "force"),
                        sample("acme", "press-1", "temp"),
                        sample("acme", "press-2", "force"));
        assertTrue(results.stream().allMatch(Optional::isEmpty), results.toString());
        assertEquals(
                UnknownDevicePolicy.AUTO_REGISTER,
                registry.tenant("acme").orElseThrow().unknownDevicePolicy());
        assertEquals(
                List.of("press-1", "press-2"),
                registry.devices("acme").stream().map(Device::id).toList());
        registry.describeMetric("acme", "press-1", new MetricInfo("temp", "degC", "Oil", null));
        registry.deactivate();

        DeviceRegistryImpl reopened = registry(true);
        assertEquals(2, reopened.devices("acme").size());
        assertEquals(
                List.of(
                        new MetricInfo("force", null, "force", "double"),
                        new MetricInfo("temp", "degC", "Oil", "double")),
                reopened.metrics("acme", "press-1"));
        assertEquals(clock.instant(), reopened.lastSeen("acme", "press-2").orElseThrow());
    }

    /** A sensor type as a plugin would register it. */
    private static SensorType humidityType() {
        return new SensorType() {
            @Override
            public String id() {
                return "humidity";
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public List<MetricSpec> metrics() {
                return List.of(new MetricSpec("humidity", "%", "RH", 0, 100));
            }

            @Override
            public Duration samplingInterval() {
                return Duration.ofSeconds(10);
            }

            @Override
            public SensorSimulator simulator(long seed) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Sample valued(String device, String metric, double value) {
        return new Sample("acme", device, metric, Instant.parse("2026-06-01T00:00:00Z"), value);
    }

    @Test
    void samplesOfATypedDeviceOutsideItsSensorTypesRangeAreRejectedAndTheRestKept() {
        DeviceRegistryImpl registry = registry(true);
        registry.createTenant(new Tenant("acme", null, UnknownDevicePolicy.AUTO_REGISTER, null));
        registry.register(new Device("acme", "room-1", null, "humidity", null, null, null, null));
        registry.register(new Device("acme", "untyped", null, null, null, null, null, null));
        SensorType humidity = humidityType();
        registry.addSensorType(humidity);

        List<Optional<Rejection>> results =
                admit(
                        registry,
                        valued("room-1", "humidity", 45.5),
                        valued("room-1", "humidity", 130),
                        valued("room-1", "humidity", -0.1),
                        valued("room-1", "battery", 130), // not a metric of the type: unchecked
                        valued("untyped", "humidity", 130), // no type: unchecked
                        valued("room-1", "humidity", 100),
                        valued("room-1", "s7.humidity", 101)); // a simulated sensor's metric
        assertEquals(
                List.of(false, true, true, false, false, false, true),
                results.stream().map(Optional::isPresent).toList());
        Rejection high = results.get(1).orElseThrow();
        assertEquals("out_of_range", high.reason());
        assertEquals(1, high.index());
        assertEquals(
                "value 130.0 of metric 'humidity' is outside [0, 100] %, the valid range of sensor"
                        + " type 'humidity' (device 'room-1')",
                high.message());

        registry.removeSensorType(humidity);
        assertTrue(admit(registry, valued("room-1", "humidity", 130)).get(0).isEmpty());
    }

    @Test
    void aTenantThatRejectsUnknownDevicesAdmitsOnlyRegisteredOnes() {
        DeviceRegistryImpl registry = registry(true);
        registry.createTenant(
                new Tenant("plant", "Plant", UnknownDevicePolicy.REJECT, Duration.ofDays(30)));
        registry.register(
                new Device(
                        "plant", "known", "Known", "press", Map.of("line", "1"), null, null, null));
        List<Optional<Rejection>> results =
                admit(
                        registry,
                        sample("plant", "known", "force"),
                        sample("plant", "stranger", "force"),
                        sample("plant", "known", "force"));
        assertTrue(results.get(0).isEmpty());
        assertEquals("unknown_device", results.get(1).orElseThrow().reason());
        assertEquals(1, results.get(1).orElseThrow().index());
        assertTrue(results.get(2).isEmpty());
        assertEquals(List.of("known"), registry.devices("plant").stream().map(Device::id).toList());
    }

    @Test
    void withoutTenantCreationAnUnknownTenantIsRejected() {
        DeviceRegistryImpl registry = registry(false);
        assertEquals(
                "unknown_tenant",
                admit(registry, sample("ghost", "d", "m")).get(0).orElseThrow().reason());
        assertTrue(registry.tenants().isEmpty());
    }

    @Test
    void statusFollowsTheLastSignOfLifeAndEachTransitionIsRecordedAndPublished() {
        DeviceRegistryImpl registry = registry(true);
        List<DeviceStatusChange> published = new CopyOnWriteArrayList<>();
        registry.addListener(published::add);
        admit(registry, sample("acme", "press-1", "force"));
        registry.checkStatuses();
        assertEquals(
                DeviceStatus.ONLINE, registry.device("acme", "press-1").orElseThrow().status());

        clock.advance(Duration.ofSeconds(20));
        registry.checkStatuses();
        assertEquals(
                DeviceStatus.ONLINE, registry.device("acme", "press-1").orElseThrow().status());
        clock.advance(Duration.ofSeconds(1));
        registry.checkStatuses();
        assertEquals(
                DeviceStatus.OFFLINE, registry.device("acme", "press-1").orElseThrow().status());

        registry.heartbeat("acme", "press-1");
        registry.checkStatuses();
        List<DeviceStatus> transitions =
                registry.statusHistory("acme", "press-1").stream()
                        .map(DeviceStatusChange::to)
                        .toList();
        assertEquals(
                List.of(DeviceStatus.ONLINE, DeviceStatus.OFFLINE, DeviceStatus.ONLINE),
                transitions);
        long deadline = System.currentTimeMillis() + 5_000;
        while (published.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(registry.statusHistory("acme", "press-1"), published);
    }

    @Test
    void mutationsAreValidated() {
        DeviceRegistryImpl registry = registry(true);
        registry.createTenant(new Tenant("acme", null, UnknownDevicePolicy.AUTO_REGISTER, null));
        assertEquals("acme", registry.tenant("acme").orElseThrow().name());
        assertThrows(
                IllegalStateException.class,
                () ->
                        registry.createTenant(
                                new Tenant("acme", "x", UnknownDevicePolicy.REJECT, null)));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        registry.createTenant(
                                new Tenant("a b", "x", UnknownDevicePolicy.REJECT, null)));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        registry.register(
                                new Device("nobody", "d", null, null, null, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> registry.heartbeat("acme", "missing"));
    }

    @Test
    void retentionAndDeletionReachTheStorageBackends() throws Exception {
        DeviceRegistryImpl registry = registry(true);
        RecordingStore store = new RecordingStore();
        registry.addStore(store);
        registry.createTenant(
                new Tenant("acme", "Acme", UnknownDevicePolicy.AUTO_REGISTER, Duration.ofDays(7)));
        admit(registry, sample("acme", "press-1", "force"), sample("acme", "press-2", "force"));
        registry.applyRetention("acme");
        assertTrue(
                store.calls.contains(
                        "dropBefore acme " + clock.instant().minus(Duration.ofDays(7))),
                store.calls.toString());

        store.down = true;
        assertThrows(
                StorageUnavailableException.class, () -> registry.deleteDevice("acme", "press-1"));
        assertTrue(registry.device("acme", "press-1").isPresent(), "kept when data stays");
        store.down = false;
        assertTrue(registry.deleteDevice("acme", "press-1"));
        assertFalse(registry.deleteDevice("acme", "press-1"));
        assertTrue(store.calls.contains("deleteDevice acme press-1"));
        assertTrue(registry.deleteTenant("acme"));
        assertTrue(store.calls.contains("deleteTenant acme"));
        assertTrue(registry.tenants().isEmpty());
    }

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        private final AtomicLong millis;

        ManualClock(Instant start) {
            millis = new AtomicLong(start.toEpochMilli());
        }

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    /** Records the registry's calls to a backend; can be taken down. */
    static final class RecordingStore implements TimeSeriesStore {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean down;

        private void check() throws StorageUnavailableException {
            if (down) {
                throw new StorageUnavailableException("connection refused", null);
            }
        }

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public void write(SampleBatch batch) {}

        @Override
        public RawPage raw(RawQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Bucket> buckets(BucketQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, RawPage.Point> latest(String tenant, String device) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteDevice(String tenant, String device) throws StorageUnavailableException {
            check();
            calls.add("deleteDevice " + tenant + " " + device);
        }

        @Override
        public void deleteTenant(String tenant) throws StorageUnavailableException {
            check();
            calls.add("deleteTenant " + tenant);
        }

        @Override
        public int dropBefore(String tenant, Instant cutoff) throws StorageUnavailableException {
            check();
            calls.add("dropBefore " + tenant + " " + cutoff);
            return 1;
        }
    }
}
