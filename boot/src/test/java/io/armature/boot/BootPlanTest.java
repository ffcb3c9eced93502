package io.armature.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootPlanTest {
    @TempDir Path home;
    Path data;
    final Variables env = new Variables(Map.of("DB_URL", "jdbc:postgresql://db/acme"));

    @BeforeEach
    void layout() throws IOException {
        data = home.resolve("data");
        Files.createDirectories(home.resolve("features"));
        Files.createDirectories(home.resolve("config/profiles"));
        feature(
                "armature-base",
                "[{\"id\":\"g:base:1\",\"start-order\":2}]",
                "{\"core\":{\"level:Integer\":\"3\"}}");
        feature(
                "extra",
                "[\"g:extra:1.0\", {\"id\":\"g:base:1\"}]",
                "{\"x~one\":{\"url\":\"${env:DB_URL}\",\"n\":5,\"f\":1.5,\"on\":true,\"tags:String[]\":[\"a\",\"b\"]}}");
        jar("g/base/1/base-1.jar");
        jar("g/extra/1.0/extra-1.0.jar");
    }

    private void feature(String id, String bundles, String configurations) throws IOException {
        Files.writeString(
                home.resolve("features/" + id + ".json"),
                "{\"feature-resource-version\":\"1.0\",\"id\":\"io.armature.features:"
                        + id
                        + ":1\","
                        + "\"bundles\":"
                        + bundles
                        + ",\"configurations\":"
                        + configurations
                        + "}");
    }

    private void profile(String name, String json) throws IOException {
        Files.writeString(home.resolve("config/profiles/" + name + ".json"), json);
    }

    private void jar(String path) throws IOException {
        Path file = home.resolve("system").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "jar");
    }

    @Test
    void enablesBaseFirstThenProfileFeaturesWithTypedConfigurationAndProfileOverrides()
            throws IOException {
        profile("p", "{\"features\":[\"extra\"],\"configurations\":{\"x~one\":{\"n\":7}}}");
        BootPlan plan = BootPlan.load(home, data, "p", env);
        assertEquals(List.of("armature-base", "extra"), plan.enabled());
        assertEquals(
                List.of("g:base:1", "g:extra:1.0"),
                plan.enabledBundles().stream().map(BundleRef::mavenId).toList());
        assertEquals(2, plan.enabledBundles().get(0).startOrder());
        assertEquals(BundleRef.DEFAULT_START_ORDER, plan.enabledBundles().get(1).startOrder());
        Map<String, Object> config =
                plan.configurationsOf(plan.catalog().get("extra").orElseThrow()).get("x~one");
        assertEquals("jdbc:postgresql://db/acme", config.get("url"));
        assertEquals(7L, config.get("n"));
        assertEquals(1.5, config.get("f"));
        assertEquals(true, config.get("on"));
        assertArrayEquals(new String[] {"a", "b"}, (String[]) config.get("tags"));
        assertEquals(
                3,
                plan.configurationsOf(plan.catalog().get("armature-base").orElseThrow())
                        .get("core")
                        .get("level"));
    }

    @Test
    void unknownFeatureIsNamed() throws IOException {
        profile("p", "{\"features\":[\"extra\",\"nope\"]}");
        FeatureFormatException e =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "p", env));
        assertTrue(e.getMessage().contains("unknown feature 'nope'"), e.getMessage());
    }

    @Test
    void missingBundleNamesFeatureAndBundle() throws IOException {
        Files.delete(home.resolve("system/g/extra/1.0/extra-1.0.jar"));
        profile("p", "{\"features\":[\"extra\"]}");
        FeatureFormatException e =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "p", env));
        assertTrue(
                e.getMessage().contains("feature 'extra'")
                        && e.getMessage().contains("g:extra:1.0"),
                e.getMessage());
    }

    @Test
    void unknownProfileListsTheAvailableOnes() throws IOException {
        profile("demo", "{\"features\":[]}");
        FeatureFormatException e =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "prod", env));
        assertTrue(e.getMessage().contains("available: demo"), e.getMessage());
    }

    @Test
    void unsetVariableWithoutDefaultIsNamed() throws IOException {
        profile("p", "{\"features\":[],\"configurations\":{\"a\":{\"k\":\"${env:MISSING_VAR}\"}}}");
        FeatureFormatException e =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "p", env));
        assertTrue(e.getMessage().contains("MISSING_VAR"), e.getMessage());
    }

    @Test
    void variableDefaultIsUsedWhenUnset() throws IOException {
        profile(
                "p",
                "{\"features\":[],\"configurations\":{\"a\":{\"k\":\"${env:MISSING_VAR:-fallback}/x\"}}}");
        assertEquals(
                "fallback/x",
                BootPlan.load(home, data, "p", env).profileOnlyConfigurations().get("a").get("k"));
    }

    @Test
    void runtimeChoicesOverrideTheProfileButNeverDisableTheBase() throws IOException {
        profile("p", "{\"features\":[\"extra\"]}");
        FeatureState state = new FeatureState(data);
        state.write("extra", false);
        state.write("armature-base", false);
        assertEquals(List.of("armature-base"), BootPlan.load(home, data, "p", env).enabled());
        state.write("extra", true);
        assertEquals(
                List.of("armature-base", "extra"), BootPlan.load(home, data, "p", env).enabled());
    }

    @Test
    void malformedFeatureJsonNamesTheFile() throws IOException {
        Files.writeString(home.resolve("features/broken.json"), "{\"id\": ");
        profile("p", "{\"features\":[]}");
        FeatureFormatException e =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "p", env));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }

    @Test
    void wronglyTypedConfigurationValueNamesPidAndKey() throws IOException {
        feature("bad", "[]", "{\"pid.x\":{\"port:Integer\":\"eighty\"}}");
        profile("p", "{\"features\":[]}");
        FeatureFormatException e =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "p", env));
        assertTrue(
                e.getMessage().contains("pid.x") && e.getMessage().contains("port:Integer"),
                e.getMessage());
    }

    @Test
    void aMisspeltFeatureOrBundleKeyIsAnErrorNotIgnored() throws IOException {
        feature("typo", "[{\"id\":\"g:base:1\",\"start_order\":4}]", "{}");
        profile("p", "{\"features\":[]}");
        FeatureFormatException bundle =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "p", env));
        assertTrue(
                bundle.getMessage().contains("typo.json")
                        && bundle.getMessage().contains("unknown key 'start_order'")
                        && bundle.getMessage().contains("start-order"),
                bundle.getMessage());

        Files.writeString(
                home.resolve("features/typo.json"),
                "{\"id\":\"io.armature.features:typo:1\",\"bundle\":[]}");
        FeatureFormatException top =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "p", env));
        assertTrue(top.getMessage().contains("unknown key 'bundle'"), top.getMessage());
    }

    @Test
    void aProfileWithAnUnknownKeyOrARenamedPidIsRefusedNamingTheFix() throws IOException {
        profile("keys", "{\"features\":[],\"configuration\":{}}");
        FeatureFormatException key =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "keys", env));
        assertTrue(key.getMessage().contains("unknown key 'configuration'"), key.getMessage());

        profile(
                "old",
                "{\"features\":[],\"configurations\":{\"io.armature.core.internal.device.DeviceRegistryImpl\":{}}}");
        FeatureFormatException renamed =
                assertThrows(
                        FeatureFormatException.class, () -> BootPlan.load(home, data, "old", env));
        assertTrue(
                renamed.getMessage().contains("renamed to 'io.armature.device.registry'"),
                renamed.getMessage());
    }
}
