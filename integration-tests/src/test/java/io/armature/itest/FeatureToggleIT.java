package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Features are switched at runtime, take effect at once, and the choice survives a restart. */
class FeatureToggleIT {
    private static boolean consoleBundlePresent(RuntimeProcess runtime) throws Exception {
        return runtime.getJson("/api/v1/system/bundles")
                .toString()
                .contains("\"org.apache.felix.webconsole\"");
    }

    @Test
    void disablingRemovesBundlesAndConsoleAcrossARestartAndEnablingBringsThemBack()
            throws Exception {
        Path home = RuntimeProcess.freshHome();
        // with the default class-data-sharing: the first run writes the archive, the restart maps
        // it
        Map<String, String> env = Map.of("ARMATURE_CDS", "on");
        try (RuntimeProcess runtime = RuntimeProcess.start(home, env)) {
            JsonNode features = runtime.getJson("/api/v1/system/features").get("features");
            assertEquals(
                    9,
                    features.size(),
                    "base, storage-postgres, webconsole, driver-mqtt, driver-grpc, driver-opcua,"
                            + " sensor-models, alerts, console");
            assertTrue(consoleBundlePresent(runtime));

            HttpResponse<String> off =
                    runtime.put(
                            "/api/v1/system/features/armature-webconsole", "{\"enabled\": false}");
            assertEquals(200, off.statusCode(), off.body());
            assertFalse(RuntimeProcess.JSON.readTree(off.body()).get("enabled").asBoolean());
            assertFalse(consoleBundlePresent(runtime));
            RuntimeProcess.await(
                    "console gone",
                    java.time.Duration.ofSeconds(10),
                    () -> runtime.get("/system/console/bundles").statusCode() == 404);
            assertEquals(
                    "[\"armature-alerts\",\"armature-base\",\"armature-console\",\"armature-driver-grpc\",\"armature-driver-mqtt\",\"armature-driver-opcua\",\"armature-sensor-models\",\"armature-storage-postgres\"]",
                    runtime.getJson("/api/v1/system").get("enabled_features").toString());
        }
        assertTrue(
                java.nio.file.Files.exists(home.resolve("data/armature-launcher.jsa")),
                "class-data-sharing archive written");
        try (RuntimeProcess restarted = RuntimeProcess.start(home, env)) {
            assertEquals(
                    "[\"armature-alerts\",\"armature-base\",\"armature-console\",\"armature-driver-grpc\",\"armature-driver-mqtt\",\"armature-driver-opcua\",\"armature-sensor-models\",\"armature-storage-postgres\"]",
                    restarted.getJson("/api/v1/system").get("enabled_features").toString());
            assertFalse(consoleBundlePresent(restarted));
            assertEquals(404, restarted.get("/system/console/bundles").statusCode());

            HttpResponse<String> on =
                    restarted.put(
                            "/api/v1/system/features/armature-webconsole", "{\"enabled\": true}");
            assertEquals(200, on.statusCode(), on.body());
            assertTrue(consoleBundlePresent(restarted));
            RuntimeProcess.await(
                    "console back",
                    java.time.Duration.ofSeconds(10),
                    () -> restarted.get("/system/console/bundles").statusCode() == 200);
            // the console knows no password of its own: Armature's admins only
            String token = restarted.token();
            restarted.useToken(null);
            assertEquals(401, restarted.get("/system/console/bundles").statusCode());
            restarted.useToken(token);
        }
    }

    @Test
    void invalidFeatureRequestsAreExplained() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start()) {
            HttpResponse<String> base =
                    runtime.put("/api/v1/system/features/armature-base", "{\"enabled\": false}");
            assertEquals(409, base.statusCode());
            assertTrue(base.body().contains("cannot be disabled"), base.body());
            assertEquals(
                    404,
                    runtime.put("/api/v1/system/features/no-such", "{\"enabled\": true}")
                            .statusCode());
            HttpResponse<String> notBoolean =
                    runtime.put(
                            "/api/v1/system/features/armature-webconsole",
                            "{\"enabled\": \"yes\"}");
            assertEquals(400, notBoolean.statusCode());
            assertTrue(notBoolean.body().contains("\"field\":\"enabled\""), notBoolean.body());
            assertEquals(
                    400,
                    runtime.put("/api/v1/system/features/armature-webconsole", "{\"enabled\": tru")
                            .statusCode());
            assertEquals(
                    400,
                    runtime.put("/api/v1/system/features/armature-webconsole", "").statusCode());
            assertTrue(consoleBundlePresent(runtime), "a refused request changes nothing");
        }
    }
}
