package io.armature.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.driver.DriverContext;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import io.armature.api.plugin.PluginInfo;
import io.armature.api.plugin.PluginKind;
import io.armature.api.rest.RestResource;
import io.armature.core.internal.driver.DriverSupervisor;
import io.armature.core.internal.driver.TestConfig;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/** The plugin registry against a real service registry: an embedded Felix framework. */
class PluginRegistryImplTest {
    @TempDir Path cache;
    private Felix framework;
    private BundleContext context;
    private PluginRegistryImpl registry;
    private DriverSupervisor supervisor;

    @BeforeEach
    void framework() throws Exception {
        framework =
                new Felix(
                        Map.of(
                                Constants.FRAMEWORK_STORAGE,
                                cache.toString(),
                                Constants.FRAMEWORK_STORAGE_CLEAN,
                                Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
        supervisor = new DriverSupervisor(TestConfig.fast());
        registry = new PluginRegistryImpl(context, supervisor);
    }

    @AfterEach
    void stop() throws Exception {
        supervisor.close();
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static Dictionary<String, Object> props(String key, Object value) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(key, value);
        return props;
    }

    private void awaitState(String name, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!named(name).map(p -> p.state().equals(state)).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " never " + state);
            }
            Thread.sleep(5);
        }
    }

    private Optional<PluginInfo> named(String name) {
        return registry.plugins().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Starts, reports a status, stops. */
    private static final class ReportingDriver implements ProtocolDriver {
        final CountDownLatch reported = new CountDownLatch(1);

        @Override
        public void start(DriverContext context) {
            context.problem("2 of 3 presses reachable");
            reported.countDown();
        }

        @Override
        public void stop() {}
    }

    @Test
    void everyKindIsListedByItsNameAndBundleAndGoesWithItsService() throws Exception {
        ServiceRegistration<HealthCheck> check =
                context.registerService(
                        HealthCheck.class,
                        new HealthCheck() {
                            @Override
                            public String name() {
                                return "press";
                            }

                            @Override
                            public HealthResult check() {
                                return new HealthResult(HealthStatus.UP, "ok", Map.of());
                            }
                        },
                        props("component.name", "com.acme.press.health"));
        ServiceRegistration<Object> resource =
                context.registerService(
                        Object.class, new Object(), props(RestResource.PROPERTY, true));
        PluginInfo health = named("com.acme.press.health").orElseThrow();
        assertEquals(PluginKind.HEALTH_CHECK, health.kind());
        assertEquals("ACTIVE", health.state());
        assertEquals(0, health.bundleId(), "registered by the system bundle here");
        assertEquals(
                1,
                registry.plugins().stream()
                        .filter(p -> p.kind() == PluginKind.REST_RESOURCE)
                        .count());
        check.unregister();
        resource.unregister();
        assertEquals(List.of(), registry.plugins(), "the registry answers from the live registry");
    }

    @Test
    void aDriverShowsTheStateItsSupervisorRecordsWithItsConfigurationPid() throws Exception {
        Dictionary<String, Object> properties = props(Constants.SERVICE_PID, "acme.press~line-1");
        ReportingDriver driver = new ReportingDriver();
        ServiceRegistration<ProtocolDriver> registration =
                context.registerService(ProtocolDriver.class, driver, properties);
        // seen in the registry before the supervisor was told of it: about to be started
        assertEquals("STARTING", named("acme.press~line-1").orElseThrow().state());
        Map<String, Object> serviceProperties = new java.util.HashMap<>();
        for (String key : registration.getReference().getPropertyKeys()) {
            serviceProperties.put(key, registration.getReference().getProperty(key));
        }
        supervisor.addDriver(driver, serviceProperties);
        assertTrue(driver.reported.await(10, TimeUnit.SECONDS), "the supervisor started it");
        awaitState("acme.press~line-1", "RUNNING");
        PluginInfo info = named("acme.press~line-1").orElseThrow();
        assertEquals("RUNNING", info.state());
        assertEquals(PluginKind.DRIVER, info.kind());
        assertEquals("2 of 3 presses reachable", info.stateMessage());
        assertEquals(List.of("acme.press~line-1"), info.configurationPids());
        supervisor.removeDriver(driver, serviceProperties);
        registration.unregister();
        assertTrue(named("acme.press~line-1").isEmpty());
    }
}
