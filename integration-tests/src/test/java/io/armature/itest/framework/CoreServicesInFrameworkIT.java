package io.armature.itest.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.armature.api.alert.AlertRule;
import io.armature.api.alert.RuleMemory;
import io.armature.api.alert.Verdict;
import io.armature.api.driver.DriverContext;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.feature.FeatureManager;
import io.armature.api.plugin.PluginInfo;
import io.armature.api.plugin.PluginKind;
import io.armature.api.plugin.PluginRegistry;
import io.armature.api.rest.RestResource;
import io.armature.api.sample.IngestService;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import io.armature.api.sample.SampleListener;
import io.armature.api.storage.Bucket;
import io.armature.api.storage.BucketQuery;
import io.armature.api.storage.RawPage;
import io.armature.api.storage.RawQuery;
import io.armature.api.storage.TimeSeriesStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The core services inside a real framework, with plugins registered by the test bundle. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreServicesInFrameworkIT extends ArmatureFramework {
    @Inject BundleContext context;
    @Inject PluginRegistry registry;
    @Inject FeatureManager features;

    private ServiceRegistration<TimeSeriesStore> store;

    /**
     * Ingest acknowledges only samples it can keep: these tests need a storage backend, and the
     * simplest real one is a store in memory.
     */
    @Before
    public void registerStore() {
        store = context.registerService(TimeSeriesStore.class, new MemoryStore(), null);
    }

    @After
    public void unregisterStore() {
        store.unregister();
    }

    /** Keeps every written sample in memory. */
    static final class MemoryStore implements TimeSeriesStore {
        final List<Sample> stored = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "itest-memory";
        }

        @Override
        public void write(SampleBatch batch) {
            stored.addAll(batch.samples());
        }

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
    }

    /** A driver that publishes one sample when started. */
    static final class OneShotDriver implements ProtocolDriver {
        @Override
        public void start(DriverContext context) {
            publishUntilTaken(
                    context,
                    SampleBatch.of(
                            new Sample("itest", "dev-1", "temp", Instant.now(), 21.5),
                            new Sample("itest", "dev-1", "temp", Instant.now(), Double.NaN)));
        }

        @Override
        public void stop() {}
    }

    /**
     * Publishes on a thread of the driver's own, offering again what ingest did not take after its
     * {@code retryAfter} (ingest restarts when another test reconfigures it), as drivers must.
     */
    static void publishUntilTaken(DriverContext context, SampleBatch batch) {
        ScheduledExecutorService publisher =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "itest-driver");
                            thread.setDaemon(true);
                            return thread;
                        });
        publisher.execute(() -> offer(context, batch, publisher, 30));
    }

    /** Offers the batch; what was not taken is offered again after retryAfter, a few times. */
    private static void offer(
            DriverContext context,
            SampleBatch batch,
            ScheduledExecutorService publisher,
            int tries) {
        try {
            var result = context.publish(batch, Duration.ofSeconds(1));
            SampleBatch rest = result.unaccepted(batch);
            if (rest.size() > 0 && tries > 1) {
                publisher.schedule(
                        () -> offer(context, rest, publisher, tries - 1),
                        result.retryAfter().toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                publisher.shutdown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            publisher.shutdown();
        }
    }

    /** An alert rule that never fires. */
    static final class QuietRule implements AlertRule {
        @Override
        public Verdict evaluate(Sample sample, RuleMemory memory) {
            return Verdict.ok(sample.value(), "quiet");
        }
    }

    /** A resource contributed by the test bundle. */
    @Path("/api/v1/itest")
    public static final class ItestResource {
        @GET
        @Produces("application/json")
        public String hello() {
            return "{\"hello\":\"framework\"}";
        }
    }

    private Set<PluginKind> kindsFromThisBundle() {
        return registry.plugins().stream()
                .filter(p -> p.bundleId() == context.getBundle().getBundleId())
                .map(PluginInfo::kind)
                .collect(Collectors.toSet());
    }

    @Test
    public void registryDiscoversPluginsAndTheSupervisedDriverPublishesThroughIngest()
            throws Exception {
        List<Sample> received = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("service.pid", "itest.driver~one");
        ServiceRegistration<SampleListener> listener =
                context.registerService(
                        SampleListener.class, b -> received.addAll(b.samples()), null);
        ServiceRegistration<AlertRule> rule =
                context.registerService(AlertRule.class, new QuietRule(), null);
        ServiceRegistration<ProtocolDriver> driver =
                context.registerService(ProtocolDriver.class, new OneShotDriver(), props);
        try {
            await("driver sample delivered to the listener", () -> !received.isEmpty());
            assertEquals("only the finite value passes validation", 1, received.size());
            assertEquals(21.5, received.get(0).value(), 0);
            assertEquals(
                    Set.of(
                            PluginKind.DRIVER,
                            PluginKind.SAMPLE_LISTENER,
                            PluginKind.ALERT_RULE,
                            PluginKind.STORAGE),
                    kindsFromThisBundle());
            PluginInfo info =
                    registry.plugins().stream()
                            .filter(p -> p.kind() == PluginKind.DRIVER)
                            .findFirst()
                            .orElseThrow();
            assertEquals("itest.driver~one", info.name());
            assertEquals(List.of("itest.driver~one"), info.configurationPids());
            await(
                    "driver RUNNING",
                    () ->
                            registry.plugins().stream()
                                    .anyMatch(
                                            p ->
                                                    p.kind() == PluginKind.DRIVER
                                                            && p.state().equals("RUNNING")));
        } finally {
            driver.unregister();
            rule.unregister();
            listener.unregister();
        }
        assertEquals(
                "the services left with their registrations; the store goes after the test",
                Set.of(PluginKind.STORAGE),
                kindsFromThisBundle());
    }

    @Test
    public void aDriverThatCannotStartDegradesHealthWithItsReasonAndNothingElse() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("service.pid", "itest.driver~broken");
        ProtocolDriver broken =
                new ProtocolDriver() {
                    @Override
                    public void start(DriverContext context) {
                        throw new IllegalStateException("PLC 10.0.0.7 refused the connection");
                    }

                    @Override
                    public void stop() {}
                };
        ServiceRegistration<ProtocolDriver> registration =
                context.registerService(ProtocolDriver.class, broken, props);
        try {
            await(
                    "health DEGRADED",
                    () -> {
                        try {
                            String[] health = http("GET", "/health", null);
                            return health[0].equals("200")
                                    && health[1].contains("\"status\":\"DEGRADED\"");
                        } catch (Exception e) {
                            return false;
                        }
                    });
            String body = http("GET", "/health", null)[1];
            assertTrue(
                    body,
                    body.contains(
                            "itest.driver~broken BACKOFF: PLC 10.0.0.7 refused the connection"));
            PluginInfo info =
                    registry.plugins().stream()
                            .filter(p -> p.kind() == PluginKind.DRIVER)
                            .findFirst()
                            .orElseThrow();
            assertEquals("BACKOFF", info.state());
            assertEquals("200", http("GET", "/api/v1/system", null)[0]);
        } finally {
            registration.unregister();
        }
        await(
                "health UP again",
                () -> {
                    try {
                        return http("GET", "/health", null)[1].contains("\"status\":\"UP\"");
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    @Test
    public void restResourceOfTheTestBundleIsServedAndDroppedWithItsService() throws Exception {
        assertEquals("404", http("GET", "/api/v1/itest", null)[0]);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(RestResource.PROPERTY, true);
        ServiceRegistration<ItestResource> registration =
                context.registerService(ItestResource.class, new ItestResource(), props);
        await(
                "resource served",
                () -> {
                    try {
                        return http("GET", "/api/v1/itest", null)[0].equals("200");
                    } catch (Exception e) {
                        return false;
                    }
                });
        assertEquals("{\"hello\":\"framework\"}", http("GET", "/api/v1/itest", null)[1]);
        assertTrue(http("GET", "/api/v1/openapi.json", null)[1].contains("/api/v1/itest"));
        registration.unregister();
        await(
                "resource dropped",
                () -> {
                    try {
                        return http("GET", "/api/v1/itest", null)[0].equals("404");
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    @Test
    public void configurationThroughRestIsValidatedAndReachesTheComponent() throws Exception {
        String pid = "/api/v1/system/configurations/io.armature.ingest";
        String[] bad = http("PUT", pid, "{\"maxFutureSeconds\": -5, \"maxPastDays\": \"ten\"}");
        assertEquals("400", bad[0]);
        assertTrue(bad[1], bad[1].contains("\"field\":\"maxPastDays\""));
        Object ingestServiceId =
                context.getServiceReference(IngestService.class).getProperty("service.id");
        // a writer setting as well: the writer is drained and replaced behind the same service
        String[] ok =
                http(
                        "PUT",
                        pid,
                        "{\"maxFutureSeconds\": 1, \"maxPastDays\": 1, \"bufferSamples\": 50000}");
        assertEquals(ok[1], "200", ok[0]);

        // the reconfigured ingest component comes back with the narrower window: a probe two
        // minutes ahead is rejected once it is in force
        await(
                "new validation window in force",
                () -> {
                    try {
                        String probe =
                                "[{\"device\":\"probe\",\"metric\":\"temp\",\"time\":\""
                                        + Instant.now().plusSeconds(120)
                                        + "\",\"value\":0}]";
                        return http("POST", "/api/v1/tenants/itest/samples", probe)[1].contains(
                                "time_in_future");
                    } catch (Exception e) {
                        return false;
                    }
                });
        List<Sample> received = new CopyOnWriteArrayList<>();
        ServiceRegistration<SampleListener> listener =
                context.registerService(
                        SampleListener.class,
                        b ->
                                b.samples().stream()
                                        .filter(x -> x.device().equals("dev-2"))
                                        .forEach(received::add),
                        null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("service.pid", "itest.driver~window");
        ProtocolDriver lateDriver =
                new ProtocolDriver() {
                    @Override
                    public void start(DriverContext context) {
                        publishUntilTaken(
                                context,
                                SampleBatch.of(
                                        new Sample(
                                                "itest",
                                                "dev-2",
                                                "temp",
                                                Instant.now().plusSeconds(120),
                                                1.0),
                                        new Sample("itest", "dev-2", "temp", Instant.now(), 2.0),
                                        new Sample("itest", "dev-2", "temp", Instant.now(), 3.0)));
                    }

                    @Override
                    public void stop() {}
                };
        ServiceRegistration<ProtocolDriver> driver = null;
        try {
            driver = context.registerService(ProtocolDriver.class, lateDriver, props);
            await("samples delivered", () -> received.size() >= 2);
            assertEquals(
                    "reconfigured in place: producers and REST resources stay bound",
                    ingestServiceId,
                    context.getServiceReference(IngestService.class).getProperty("service.id"));
            assertEquals(
                    "the sample two minutes ahead is outside the 1 s window",
                    List.of(2.0, 3.0),
                    received.stream().map(Sample::value).toList());
        } finally {
            if (driver != null) {
                driver.unregister();
            }
            listener.unregister();
            http("DELETE", pid, null);
        }
    }

    @Test
    public void featureManagerInstallsAndRemovesAFeaturesBundles() throws Exception {
        assertTrue(consolePresent());
        features.setEnabled("armature-webconsole", false);
        assertFalse(consolePresent());
        assertFalse(features.feature("armature-webconsole").orElseThrow().enabled());
        features.setEnabled("armature-webconsole", true);
        assertTrue(consolePresent());
        for (Bundle bundle : context.getBundles()) {
            if ("org.apache.felix.webconsole".equals(bundle.getSymbolicName())) {
                assertEquals(Bundle.ACTIVE, bundle.getState());
            }
        }
        try {
            features.setEnabled("armature-base", false);
            throw new AssertionError("the base feature was disabled");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("cannot be disabled"));
        }
    }

    private boolean consolePresent() {
        for (Bundle bundle : context.getBundles()) {
            if ("org.apache.felix.webconsole".equals(bundle.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }
}
