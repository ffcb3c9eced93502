package io.armature.feature.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.boot.ArmatureProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The feature manager in a real framework with Apache Felix ConfigAdmin, on a runtime home laid out
 * in a temporary directory: features with real bundles, a profile, a data directory.
 */
class FeatureManagerImplTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("armature.test.repository"));
    private static final String CONFIGADMIN = System.getProperty("armature.test.configadmin");

    /** A small real bundle to install as a feature's bundle: OSGi's function utilities. */
    private static final String FUNCTION = System.getProperty("armature.test.function");

    @TempDir Path home;
    private Felix framework;
    private BundleContext context;
    private ConfigurationAdmin configAdmin;

    private static Path jar(String mavenId) {
        String[] gav = mavenId.split(":");
        return REPOSITORY
                .resolve(gav[0].replace('.', '/'))
                .resolve(gav[1])
                .resolve(gav[2])
                .resolve(gav[1] + "-" + gav[2] + ".jar");
    }

    private void systemBundle(String mavenId) throws IOException {
        String[] gav = mavenId.split(":");
        Path target =
                home.resolve("system")
                        .resolve(gav[0].replace('.', '/'))
                        .resolve(gav[1])
                        .resolve(gav[2])
                        .resolve(gav[1] + "-" + gav[2] + ".jar");
        Files.createDirectories(target.getParent());
        Files.copy(jar(mavenId), target);
    }

    private void feature(String id, String bundles, String configurations) throws IOException {
        Files.writeString(
                home.resolve("features/" + id + ".json"),
                "{\"feature-resource-version\":\"1.0\",\"id\":\"io.armature.features:"
                        + id
                        + ":1\",\"bundles\":"
                        + bundles
                        + ",\"configurations\":"
                        + configurations
                        + "}");
    }

    @BeforeEach
    void runtime() throws Exception {
        Files.createDirectories(home.resolve("features"));
        Files.createDirectories(home.resolve("config/profiles"));
        systemBundle(FUNCTION);
        feature(
                "armature-base",
                "[]",
                "{\"io.armature.ingest\":{\"maxFutureSeconds\":300,\"maxPastDays\":3650}}");
        feature(
                "line",
                "[{\"id\":\"" + FUNCTION + "\",\"start-order\":1}]",
                "{\"com.acme.line~packer-2\":{\"speed:Integer\":12}}");
        feature("broken", "[{\"id\":\"com.acme:missing:1\"}]", "{\"com.acme.broken\":{\"x\":1}}");
        Files.writeString(
                home.resolve("config/profiles/acme.json"),
                "{\"features\":[],\"configurations\":{\"io.armature.ingest\":{\"maxFutureSeconds\":60}}}");
        framework =
                new Felix(
                        Map.of(
                                Constants.FRAMEWORK_STORAGE,
                                home.resolve("data/cache").toString(),
                                Constants.FRAMEWORK_STORAGE_CLEAN,
                                Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                                "org.osgi.service.cm;version=1.6.1",
                                "felix.cm.dir",
                                home.resolve("data/config").toString(),
                                ArmatureProperties.HOME,
                                home.toString(),
                                ArmatureProperties.PROFILE,
                                "acme"));
        framework.start();
        context = framework.getBundleContext();
        context.installBundle(jar(CONFIGADMIN).toUri().toString()).start();
        configAdmin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private Dictionary<String, Object> properties(String pid) throws Exception {
        Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
        return found == null ? null : found[0].getProperties();
    }

    private Dictionary<String, Object> factoryProperties(String factoryPid) throws Exception {
        Configuration[] found =
                configAdmin.listConfigurations("(service.factoryPid=" + factoryPid + ")");
        return found == null ? null : found[0].getProperties();
    }

    private boolean installed(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .anyMatch(b -> symbolicName.equals(b.getSymbolicName()));
    }

    @Test
    void atStartTheEnabledFeaturesConfigurationsAreAppliedWithTheProfilesOverrides()
            throws Exception {
        FeatureManagerImpl features = new FeatureManagerImpl(context, configAdmin);
        assertEquals("acme", features.activeProfile());
        Dictionary<String, Object> ingest = properties("io.armature.ingest");
        assertEquals(60L, ingest.get("maxFutureSeconds"), "the profile's value wins");
        assertEquals(3650L, ingest.get("maxPastDays"), "the feature's default stays");
        assertNull(factoryProperties("com.acme.line"), "a disabled feature applies nothing");
    }

    @Test
    void enablingInstallsBundlesAndConfigurationsAndDisablingRemovesThemAndTheChoiceIsKept()
            throws Exception {
        FeatureManagerImpl features = new FeatureManagerImpl(context, configAdmin);
        assertTrue(features.setEnabled("line", true).enabled());
        assertTrue(installed("org.osgi.util.function"));
        assertEquals(12, factoryProperties("com.acme.line").get("speed"));
        assertTrue(Files.readString(home.resolve("data/features-state.json")).contains("line"));

        assertFalse(features.setEnabled("line", false).enabled());
        assertFalse(installed("org.osgi.util.function"));
        assertNull(factoryProperties("com.acme.line"));
        assertFalse(features.feature("line").orElseThrow().enabled());
    }

    @Test
    void aFeatureThatCannotBeEnabledIsRolledBackAndTheBaseCannotBeDisabled() throws Exception {
        FeatureManagerImpl features = new FeatureManagerImpl(context, configAdmin);
        RuntimeException broken =
                assertThrows(RuntimeException.class, () -> features.setEnabled("broken", true));
        assertTrue(broken.getMessage().contains("com.acme:missing:1"), broken.getMessage());
        assertNull(properties("com.acme.broken"), "no configuration left behind");
        assertFalse(features.feature("broken").orElseThrow().enabled());
        IllegalStateException base =
                assertThrows(
                        IllegalStateException.class,
                        () -> features.setEnabled("armature-base", false));
        assertTrue(base.getMessage().contains("cannot be disabled"), base.getMessage());
    }

    @Test
    void aConfigurationStoredUnderARenamedPidIsMovedToTheNewPid() throws Exception {
        Configuration old =
                configAdmin.getConfiguration(
                        "io.armature.core.internal.device.DeviceRegistryImpl", "?");
        Dictionary<String, Object> values = new Hashtable<>();
        values.put("statusTimeoutSeconds", 7L);
        old.update(values);
        new FeatureManagerImpl(context, configAdmin);
        assertEquals(7L, properties("io.armature.device.registry").get("statusTimeoutSeconds"));
        assertNull(properties("io.armature.core.internal.device.DeviceRegistryImpl"));
        for (Bundle bundle : context.getBundles()) {
            assertFalse(
                    "org.osgi.util.function".equals(bundle.getSymbolicName()),
                    "nothing of a disabled feature was installed");
        }
    }
}
