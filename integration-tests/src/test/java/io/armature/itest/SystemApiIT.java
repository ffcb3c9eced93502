package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The system API of a freshly started demo runtime, over real HTTP. */
class SystemApiIT extends OneRuntimePerClass {

    @AfterAll
    static void stopsCleanlyOnSigterm() throws Exception {
        int exit = runtime.stop();
        assertTrue(exit == 0 || exit == 143, "exit code after SIGTERM: " + exit);
        assertTrue(runtime.output().contains("stopped"), runtime.output());
    }

    @Test
    void bannerNamesUrlProfileAndFeatures() {
        assertTrue(runtime.output().contains("profile:  demo"), runtime.output());
        assertTrue(
                runtime.output()
                        .contains(
                                "features: armature-base, armature-webconsole, armature-storage-postgres,"
                                        + " armature-driver-mqtt, armature-driver-grpc, armature-driver-opcua,"
                                        + " armature-sensor-models, armature-alerts, armature-console"),
                runtime.output());
        assertTrue(runtime.output().contains("http://127.0.0.1:"), runtime.output());
        assertTrue(runtime.output().contains("listening on 127.0.0.1"), runtime.output());
    }

    @Test
    void systemReportsVersionProfileUptimeAndFeatures() throws Exception {
        JsonNode system = runtime.getJson("/api/v1/system");
        assertEquals("0.1.0-SNAPSHOT", system.get("version").asText());
        assertEquals("demo", system.get("profile").asText());
        assertTrue(system.get("uptime_seconds").asLong() >= 0);
        assertTrue(system.get("started_at").asText().endsWith("Z"), system.toString());
        assertEquals(
                "[\"armature-alerts\",\"armature-base\",\"armature-console\",\"armature-driver-grpc\",\"armature-driver-mqtt\",\"armature-driver-opcua\",\"armature-sensor-models\",\"armature-storage-postgres\",\"armature-webconsole\"]",
                system.get("enabled_features").toString());
    }

    @Test
    void bundlesAreListedActiveWithSnakeCaseFields() throws Exception {
        JsonNode bundles = runtime.getJson("/api/v1/system/bundles").get("bundles");
        assertTrue(bundles.size() > 40, "bundles: " + bundles.size());
        for (JsonNode bundle : bundles) {
            String expected = bundle.get("fragment").asBoolean() ? "RESOLVED" : "ACTIVE";
            assertEquals(expected, bundle.get("state").asText(), bundle.toString());
            assertTrue(bundle.has("symbolic_name") && bundle.has("version") && bundle.has("id"));
        }
    }

    @Test
    void healthIsUpWithEachCoreCheck() throws Exception {
        JsonNode health = runtime.getJson("/health");
        assertEquals("UP", health.get("status").asText());
        Set<String> checks = new TreeSet<>();
        health.get("checks")
                .forEach(
                        c -> {
                            checks.add(c.get("name").asText());
                            assertEquals("UP", c.get("status").asText(), c.toString());
                        });
        assertEquals(
                Set.of(
                        "alerts",
                        "drivers",
                        "framework.bundles",
                        "ingest",
                        "storage",
                        "storage.postgres-main"),
                checks);
    }

    @Test
    void metricsFlattenEveryCheckAsJsonAndPrometheusText() throws Exception {
        runtime.post(
                "/api/v1/tenants/metrics-test/samples",
                "[{\"device\":\"d\",\"metric\":\"m\",\"time\":\"2026-01-01T00:00:00Z\",\"value\":1},"
                        + "{\"device\":\"d\",\"metric\":\"m\",\"time\":\"2026-01-01T00:00:00Z\",\"value\":\"NaN\"}]");
        JsonNode metrics = runtime.getJson("/health/metrics").get("metrics");
        assertTrue(metrics.get("ingest.accepted_samples").asLong() >= 1, metrics.toString());
        assertTrue(metrics.get("ingest.rejected_samples.non_finite_value").asLong() >= 1);
        assertEquals(0, metrics.get("storage.spools.postgres-main.samples").asLong());
        assertEquals(0, metrics.get("storage.status").asInt(), "0 = up");
        var text =
                runtime.send(runtime.requestTo("/health/metrics").header("Accept", "text/plain"));
        assertTrue(
                text.body().contains("armature_storage_spools_postgres_main_samples 0\n"),
                text.body());
        assertTrue(text.body().contains("armature_ingest_devices_online "), text.body());
    }

    @Test
    void pluginsAreGroupedByKindIncludingTheRestResources() throws Exception {
        JsonNode kinds = runtime.getJson("/api/v1/system/plugins").get("kinds");
        assertTrue(
                kinds.has("driver")
                        && kinds.has("storage")
                        && kinds.has("alert_rule")
                        && kinds.has("forecaster"));
        List<String> resources = new ArrayList<>();
        kinds.get("rest_resource").forEach(r -> resources.add(r.get("name").asText()));
        assertTrue(resources.contains("io.armature.rest.system.bundles"), resources.toString());
        List<String> checks = new ArrayList<>();
        kinds.get("health_check")
                .forEach(
                        c ->
                                checks.add(
                                        c.get("name").asText()
                                                + "@"
                                                + c.get("bundle_symbolic_name").asText()));
        assertTrue(
                checks.containsAll(
                        List.of(
                                "io.armature.core.health.bundles@io.armature.core",
                                "io.armature.core.health.drivers@io.armature.core",
                                "io.armature.ingest.health@io.armature.ingest",
                                "io.armature.ingest.storage.health@io.armature.ingest")),
                checks.toString());
    }

    @Test
    void openApiListsEveryServedEndpointAndEachAnswers() throws Exception {
        JsonNode paths = runtime.getJson("/api/v1/openapi.json").get("paths");
        Set<String> operations = new TreeSet<>();
        paths.fields()
                .forEachRemaining(
                        p ->
                                p.getValue()
                                        .fieldNames()
                                        .forEachRemaining(
                                                m -> operations.add(m + " " + p.getKey())));
        for (String expected :
                List.of(
                        "get /health",
                        "get /api/v1/openapi.json",
                        "get /api/v1/system",
                        "get /api/v1/system/bundles",
                        "post /api/v1/system/bundles",
                        "get /api/v1/system/bundles/{id}",
                        "delete /api/v1/system/bundles/{id}",
                        "get /api/v1/system/features",
                        "get /api/v1/system/features/{id}",
                        "put /api/v1/system/features/{id}",
                        "get /api/v1/system/plugins",
                        "get /api/v1/system/configurations",
                        "get /api/v1/system/configurations/{pid}",
                        "put /api/v1/system/configurations/{pid}",
                        "delete /api/v1/system/configurations/{pid}",
                        "post /api/v1/tenants/{tenant}/samples",
                        "get /api/v1/tenants/{tenant}/devices/{device}/metrics/{metric}/samples",
                        "get /api/v1/tenants/{tenant}/devices/{device}/latest",
                        "get /api/v1/tenants/{tenant}/devices/{device}/stream",
                        "get /health/metrics",
                        "get /api/v1/tenants",
                        "post /api/v1/tenants",
                        "get /api/v1/tenants/{tenant}",
                        "patch /api/v1/tenants/{tenant}",
                        "delete /api/v1/tenants/{tenant}",
                        "get /api/v1/tenants/{tenant}/devices",
                        "post /api/v1/tenants/{tenant}/devices",
                        "get /api/v1/tenants/{tenant}/devices/{device}",
                        "patch /api/v1/tenants/{tenant}/devices/{device}",
                        "delete /api/v1/tenants/{tenant}/devices/{device}",
                        "get /api/v1/tenants/{tenant}/devices/{device}/metrics",
                        "post /api/v1/tenants/{tenant}/devices/{device}/heartbeat",
                        "post /api/v1/auth/login",
                        "post /api/v1/auth/logout",
                        "get /api/v1/auth/me",
                        "get /api/v1/users",
                        "post /api/v1/users",
                        "get /api/v1/users/{user}",
                        "patch /api/v1/users/{user}",
                        "delete /api/v1/users/{user}",
                        "get /api/v1/tokens",
                        "post /api/v1/tokens",
                        "delete /api/v1/tokens/{id}",
                        "get /api/v1/system/audit",
                        "get /api/v1/drivers/types",
                        "get /api/v1/drivers",
                        "post /api/v1/drivers",
                        "get /api/v1/drivers/{id}",
                        "put /api/v1/drivers/{id}",
                        "delete /api/v1/drivers/{id}",
                        "post /api/v1/drivers/{id}/restart",
                        "get /api/v1/drivers/{id}/browse",
                        "get /api/v1/drivers/{id}/certificates",
                        "post /api/v1/drivers/{id}/certificates/{thumbprint}/trust",
                        "delete /api/v1/drivers/{id}/certificates/{thumbprint}/trust",
                        "get /api/v1/tenants/{tenant}/devices/{device}/commands",
                        "post /api/v1/tenants/{tenant}/devices/{device}/commands",
                        "get /api/v1/tenants/{tenant}/devices/{device}/commands/{id}",
                        "get /api/v1/sensor-types",
                        "get /api/v1/sensor-types/{id}",
                        "get /api/v1/tenants/{tenant}/devices/{device}/sensors",
                        "post /api/v1/tenants/{tenant}/devices/{device}/sensors",
                        "delete /api/v1/tenants/{tenant}/devices/{device}/sensors/{sensor}",
                        "get /api/v1/alert-rules/types",
                        "get /api/v1/tenants/{tenant}/alert-rules",
                        "post /api/v1/tenants/{tenant}/alert-rules",
                        "get /api/v1/tenants/{tenant}/alert-rules/{id}",
                        "put /api/v1/tenants/{tenant}/alert-rules/{id}",
                        "delete /api/v1/tenants/{tenant}/alert-rules/{id}",
                        "get /api/v1/tenants/{tenant}/alerts",
                        "get /api/v1/tenants/{tenant}/alerts/counts",
                        "get /api/v1/tenants/{tenant}/alerts/stream",
                        "get /api/v1/tenants/{tenant}/alerts/{id}",
                        "post /api/v1/tenants/{tenant}/alerts/{id}/ack",
                        "post /api/v1/tenants/{tenant}/alerts/{id}/clear",
                        "post /api/v1/tenants/{tenant}/alerts/{id}/comments")) {
            assertTrue(
                    operations.remove(expected),
                    "OpenAPI lacks " + expected + "; has " + operations);
        }
        assertEquals(Set.of(), operations, "OpenAPI lists endpoints this test does not know");
        paths.fieldNames()
                .forEachRemaining(
                        path -> {
                            if (!path.contains("{") && paths.get(path).has("get")) {
                                try {
                                    assertEquals(200, runtime.get(path).statusCode(), path);
                                } catch (Exception e) {
                                    throw new AssertionError(e);
                                }
                            }
                        });
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJson() throws Exception {
        HttpResponse<String> missing = runtime.get("/api/v1/nothing-here");
        assertEquals(404, missing.statusCode());
        assertEquals(
                "application/problem+json",
                missing.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = RuntimeProcess.JSON.readTree(missing.body());
        assertEquals(404, problem.get("status").asInt());
        assertEquals("/api/v1/nothing-here", problem.get("instance").asText());

        HttpResponse<String> wrongMethod = runtime.delete("/api/v1/system");
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(wrongMethod.body().contains("\"status\":405"), wrongMethod.body());

        HttpResponse<String> noBundle = runtime.get("/api/v1/system/bundles/99999");
        assertEquals(404, noBundle.statusCode());
        assertTrue(noBundle.body().contains("no bundle with id 99999"), noBundle.body());
    }

    @Test
    void baseBundlesCannotBeRemovedThroughTheApi() throws Exception {
        HttpResponse<String> response = runtime.delete("/api/v1/system/bundles/1");
        assertEquals(409, response.statusCode());
        assertTrue(response.body().contains("disable its feature instead"), response.body());
        assertNotEquals(null, runtime.getJson("/api/v1/system/bundles/1").get("id"));
        assertFalse(runtime.output().contains("Exception in thread"), runtime.output());
    }
}
