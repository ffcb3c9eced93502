package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A bundle deployed at runtime contributes REST resources and a health check; removing it drops
 * them.
 */
class RestWhiteboardIT extends OneRuntimePerClass {

    private static int status(String path) {
        try {
            return runtime.get(path).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void contributedResourceAppearsIsValidatedAndDisappears() throws Exception {
        assertEquals(404, status("/api/v1/probe/echo/hello"));
        Path jar = runtime.deploy().resolve("probe.jar");
        Files.copy(Deployables.probe(), jar);
        RuntimeProcess.await(
                "probe resource served",
                Duration.ofSeconds(20),
                () -> status("/api/v1/probe/echo/hello") == 200);

        assertEquals("{\"echo\":\"hello\"}", runtime.get("/api/v1/probe/echo/hello").body());
        assertTrue(
                runtime.getJson("/api/v1/openapi.json")
                        .get("paths")
                        .has("/api/v1/probe/echo/{word}"));
        assertTrue(runtime.getJson("/health").toString().contains("\"name\":\"probe\""));

        HttpResponse<String> ok =
                runtime.post(
                        "/api/v1/probe/readings",
                        "application/json",
                        "{\"sensor\":\"t1\",\"value\":2.5}".getBytes());
        assertEquals("{\"sensor\":\"t1\",\"value\":5.0}", ok.body());
        HttpResponse<String> malformed =
                runtime.post(
                        "/api/v1/probe/readings", "application/json", "{\"sensor\":".getBytes());
        assertEquals(400, malformed.statusCode());
        assertEquals(
                "application/problem+json",
                malformed.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> wrongType =
                runtime.post(
                        "/api/v1/probe/readings",
                        "application/json",
                        "{\"sensor\":\"t1\",\"value\":\"warm\"}".getBytes());
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().contains("value"), wrongType.body());
        HttpResponse<String> unknownField =
                runtime.post(
                        "/api/v1/probe/readings",
                        "application/json",
                        "{\"sensor\":\"t1\",\"value\":1,\"unit\":\"C\"}".getBytes());
        assertEquals(400, unknownField.statusCode());
        assertTrue(unknownField.body().contains("unit"), unknownField.body());
        assertFalse(wrongType.body().contains("at com."), "no stack trace: " + wrongType.body());

        Files.delete(jar);
        RuntimeProcess.await(
                "probe resource gone",
                Duration.ofSeconds(20),
                () -> status("/api/v1/probe/echo/hello") == 404);
        assertFalse(
                runtime.getJson("/api/v1/openapi.json")
                        .get("paths")
                        .has("/api/v1/probe/echo/{word}"));
        assertFalse(runtime.getJson("/health").toString().contains("\"name\":\"probe\""));
    }

    @Test
    void requestsDuringRedeploysNeverFail() throws Exception {
        // this test sends as fast as it can: lift the per-caller rate limit (500/s by default)
        assertEquals(
                200,
                runtime.put(
                                "/api/v1/system/configurations/io.armature.security",
                                "{\"requestsPerSecond\": 1000000, \"requestBurst\": 1000000}")
                        .statusCode());
        Path jar = runtime.deploy().resolve("probe-churn.jar");
        int served = 0;
        for (int round = 0; round < 3; round++) {
            Files.copy(Deployables.probe(), jar);
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < until) {
                int code = status("/api/v1/system");
                assertEquals(200, code, "a system endpoint failed while a bundle came and went");
                served++;
            }
            Files.delete(jar);
            RuntimeProcess.await(
                    "probe gone",
                    Duration.ofSeconds(20),
                    () -> status("/api/v1/probe/echo/x") == 404);
        }
        assertTrue(served > 10);
    }
}
