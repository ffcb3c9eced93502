package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped profile boots; broken profiles and features stop start-up with exit code 2. */
class ProfileStartupIT {
    @Test
    void everyShippedProfileBootsAndResolvesItsEnvironmentVariables() throws Exception {
        Path home = RuntimeProcess.freshHome();
        List<String> profiles;
        try (Stream<Path> files = Files.list(home.resolve("config/profiles"))) {
            profiles =
                    files.map(f -> f.getFileName().toString().replace(".json", ""))
                            .sorted()
                            .toList();
        }
        assertTrue(profiles.containsAll(List.of("demo", "acme-packaging")), profiles.toString());
        for (String profile : profiles) {
            try (RuntimeProcess runtime =
                    RuntimeProcess.start(
                            home,
                            Map.of("ACME_REQUESTS_PER_SECOND", "250"),
                            "--profile",
                            profile)) {
                assertEquals(profile, runtime.getJson("/api/v1/system").get("profile").asText());
                JsonNode health = runtime.getJson("/health");
                if (profile.equals("acme-packaging")) {
                    // no storage backend: the runtime serves, but accepts no samples it could lose
                    assertEquals("DEGRADED", health.get("status").asText(), health.toString());
                    assertTrue(health.toString().contains("no storage backend"), health.toString());
                    var refused =
                            runtime.post(
                                    "/api/v1/tenants/acme/samples",
                                    "[{\"device\":\"d\",\"metric\":\"m\",\"time\":\""
                                            + java.time.Instant.now()
                                            + "\",\"value\":1}]");
                    assertEquals(503, refused.statusCode(), refused.body());
                    JsonNode problem = RuntimeProcess.JSON.readTree(refused.body());
                    assertEquals("no_storage_backend", problem.get("reason").asText());
                    assertEquals(0, problem.get("accepted").asInt());
                    assertTrue(refused.headers().firstValue("Retry-After").isPresent());
                    assertEquals(
                            "application/problem+json",
                            refused.headers().firstValue("Content-Type").orElseThrow());
                    assertEquals(
                            250.0,
                            runtime.getJson("/api/v1/system/configurations/io.armature.security")
                                    .get("properties")
                                    .get("requestsPerSecond")
                                    .asDouble());
                    assertEquals(
                            60,
                            runtime.getJson("/api/v1/system/configurations/io.armature.ingest")
                                    .get("properties")
                                    .get("maxFutureSeconds")
                                    .asInt());
                } else {
                    assertEquals("UP", health.get("status").asText(), health.toString());
                }
            }
        }
    }

    @Test
    void unknownFeatureStopsStartupWithExitCode2NamingIt() throws Exception {
        Path home = RuntimeProcess.freshHome();
        Files.writeString(
                home.resolve("config/profiles/broken.json"),
                "{\"features\":[\"armature-base\",\"telemetry-x\"]}");
        Map.Entry<Integer, String> result =
                RuntimeProcess.runToExit(home, Map.of(), "--profile", "broken");
        assertEquals(2, result.getKey(), result.getValue());
        assertTrue(result.getValue().contains("unknown feature 'telemetry-x'"), result.getValue());
    }

    @Test
    void featureWithMissingBundleStopsStartupWithExitCode2NamingIt() throws Exception {
        Path home = RuntimeProcess.freshHome();
        Path encoder = home.resolve("system/org/owasp/encoder/encoder/1.5.0/encoder-1.5.0.jar");
        Files.delete(encoder);
        Map.Entry<Integer, String> result = RuntimeProcess.runToExit(home, Map.of());
        assertEquals(2, result.getKey(), result.getValue());
        assertTrue(
                result.getValue().contains("org.owasp.encoder:encoder:1.5.0"), result.getValue());
        assertTrue(result.getValue().contains("armature-webconsole"), result.getValue());
    }

    @Test
    void unknownProfileAndUnsetVariableStopStartupWithExitCode2() throws Exception {
        Path home = RuntimeProcess.freshHome();
        Map.Entry<Integer, String> unknown =
                RuntimeProcess.runToExit(home, Map.of(), "--profile", "nope");
        assertEquals(2, unknown.getKey(), unknown.getValue());
        assertTrue(unknown.getValue().contains("profile 'nope' not found"), unknown.getValue());

        Files.writeString(
                home.resolve("config/profiles/needs-env.json"),
                "{\"features\":[],\"configurations\":{\"x\":{\"url\":\"${env:ARMATURE_TEST_UNSET_DB_URL}\"}}}");
        Map.Entry<Integer, String> unset =
                RuntimeProcess.runToExit(home, Map.of(), "--profile", "needs-env");
        assertEquals(2, unset.getKey(), unset.getValue());
        assertTrue(unset.getValue().contains("ARMATURE_TEST_UNSET_DB_URL"), unset.getValue());
    }

    @Test
    void occupiedPortIsReportedWithExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map.Entry<Integer, String> result =
                    RuntimeProcess.runToExit(
                            RuntimeProcess.freshHome(),
                            Map.of(),
                            "--port",
                            String.valueOf(taken.getLocalPort()));
            assertEquals(1, result.getKey(), result.getValue());
            assertTrue(
                    result.getValue()
                            .contains("port " + taken.getLocalPort() + " is already in use"),
                    result.getValue());
        }
    }

    @Test
    void aMisspeltFeatureKeyAndARenamedPidInAProfileStopStartupNamingTheFix() throws Exception {
        Path home = RuntimeProcess.freshHome();
        Path webconsole = home.resolve("features/armature-webconsole.json");
        String original = Files.readString(webconsole);
        Files.writeString(webconsole, original.replaceFirst("\"start-order\"", "\"start_order\""));
        Map.Entry<Integer, String> misspelt = RuntimeProcess.runToExit(home, Map.of());
        assertEquals(2, misspelt.getKey(), misspelt.getValue());
        assertTrue(
                misspelt.getValue().contains("unknown key 'start_order'")
                        && misspelt.getValue().contains("start-order"),
                misspelt.getValue());
        Files.writeString(webconsole, original);

        Files.writeString(
                home.resolve("config/profiles/old-pids.json"),
                "{\"features\":[],\"configurations\":{\"io.armature.core.internal.ingest.LiveIngest\":{\"maxFutureSeconds:Long\":5}}}");
        Map.Entry<Integer, String> renamed =
                RuntimeProcess.runToExit(home, Map.of(), "--profile", "old-pids");
        assertEquals(2, renamed.getKey(), renamed.getValue());
        assertTrue(
                renamed.getValue().contains("was renamed to 'io.armature.ingest'"),
                renamed.getValue());
    }

    @Test
    void aConfigurationStoredUnderARenamedPidIsMovedToItsNewPidAtStart() throws Exception {
        Path home = RuntimeProcess.freshHome();
        // data/config of an installation from before the stable PIDs, with a value set at runtime
        Path old =
                home.resolve(
                        "data/config/io/armature/core/internal/device/DeviceRegistryImpl.config");
        Files.createDirectories(old.getParent());
        Files.writeString(
                old,
                "service.pid=\"io.armature.core.internal.device.DeviceRegistryImpl\"\n"
                        + "statusTimeoutSeconds=L\"7\"\n");
        try (RuntimeProcess runtime = RuntimeProcess.start(home, Map.of())) {
            assertEquals(
                    7,
                    runtime.getJson("/api/v1/system/configurations/io.armature.device.registry")
                            .get("properties")
                            .get("statusTimeoutSeconds")
                            .asInt());
            assertEquals(
                    404,
                    runtime.get(
                                    "/api/v1/system/configurations/io.armature.core.internal.device.DeviceRegistryImpl")
                            .statusCode());
            assertTrue(
                    runtime.output()
                            .contains(
                                    "io.armature.core.internal.device.DeviceRegistryImpl is now io.armature.device.registry"),
                    runtime.output());
        }
    }
}
