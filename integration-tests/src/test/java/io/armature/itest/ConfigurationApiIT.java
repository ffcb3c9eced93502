package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ConfigAdmin over REST, validated against the metatype of a hot-deployed plugin. */
class ConfigurationApiIT extends OneRuntimePerClass {
    static final String PID = "/api/v1/system/configurations/com.example.signal.generator";

    @BeforeAll
    static void deployTemplate() throws Exception {
        Files.copy(Deployables.template(), runtime.deploy().resolve("signal.jar"));
        RuntimeProcess.await(
                "template schema",
                Duration.ofSeconds(20),
                () -> runtime.get(PID).statusCode() == 200);
    }

    /** Whether the signal generator published samples of this device since it last started. */
    private static boolean generatorPublishes(String device) throws Exception {
        for (JsonNode d : runtime.getJson("/api/v1/drivers").get("drivers")) {
            if (d.get("type").asText().equals("com.example.signal.generator")
                    && d.get("state").asText().equals("running")
                    && d.get("samples_in").asLong() > 0
                    && d.get("devices").toString().contains("\"demo/" + device + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode driver() throws Exception {
        for (JsonNode d : runtime.getJson("/api/v1/system/plugins").get("kinds").get("driver")) {
            if (d.get("bundle_symbolic_name").asText().equals("com.example.signal")) {
                return d;
            }
        }
        return null;
    }

    @Test
    void schemaDescribesEveryFieldForAForm() throws Exception {
        JsonNode config = runtime.getJson(PID);
        assertEquals(false, config.get("configured").asBoolean());
        Map<String, JsonNode> attributes = new TreeMap<>();
        config.get("schema")
                .get("attributes")
                .forEach(a -> attributes.put(a.get("id").asText(), a));
        assertEquals(
                "[amplitude, device, intervalMillis, metric, offset, periodSeconds, tenant, waveform]",
                attributes.keySet().toString());
        assertEquals("double", attributes.get("amplitude").get("type").asText());
        assertEquals("integer", attributes.get("periodSeconds").get("type").asText());
        assertEquals("[\"60\"]", attributes.get("periodSeconds").get("default_value").toString());
        assertEquals(2, attributes.get("waveform").get("options").size());
        boolean listed = false;
        for (JsonNode c : runtime.getJson("/api/v1/system/configurations").get("configurations")) {
            listed |= c.get("pid").asText().equals("com.example.signal.generator");
        }
        assertTrue(listed);
    }

    @Test
    void invalidValuesAreRejectedFieldByFieldAndChangeNothing() throws Exception {
        HttpResponse<String> bad =
                runtime.put(
                        PID,
                        "{\"waveform\":\"SQUARE\",\"periodSeconds\":0,\"amplitude\":\"big\",\"device\":7,\"colour\":\"red\"}");
        assertEquals(400, bad.statusCode());
        assertEquals(
                "application/problem+json", bad.headers().firstValue("Content-Type").orElse(""));
        Map<String, String> errors = new TreeMap<>();
        RuntimeProcess.JSON
                .readTree(bad.body())
                .get("errors")
                .forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        assertEquals(
                "[amplitude, colour, device, periodSeconds, waveform]",
                errors.keySet().toString(),
                bad.body());
        assertEquals(false, runtime.getJson(PID).get("configured").asBoolean());
        assertEquals(400, runtime.put(PID, "{\"device\": ").statusCode());
        assertEquals(400, runtime.put(PID, "[1,2]").statusCode());
        assertEquals(
                400, runtime.put("/api/v1/system/configurations/bad%20pid", "{}").statusCode());
    }

    @Test
    void validConfigurationReconfiguresTheRunningDriverAndDeleteRestoresDefaults()
            throws Exception {
        HttpResponse<String> ok =
                runtime.put(
                        PID,
                        "{\"device\":\"press-7\",\"waveform\":\"RAMP\",\"intervalMillis\":250}");
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode stored = RuntimeProcess.JSON.readTree(ok.body());
        assertEquals(250, stored.get("properties").get("intervalMillis").asInt());
        RuntimeProcess.await(
                "driver reconfigured",
                Duration.ofSeconds(10),
                () -> {
                    JsonNode d = driver();
                    return d != null
                            && d.get("configuration_pids")
                                    .toString()
                                    .contains("com.example.signal.generator")
                            && generatorPublishes("press-7");
                });
        java.time.Instant deletedAt = java.time.Instant.now();
        assertEquals(204, runtime.delete(PID).statusCode());
        assertEquals(404, runtime.delete(PID).statusCode());
        RuntimeProcess.await(
                "driver back to defaults",
                Duration.ofSeconds(10),
                () -> {
                    JsonNode d = driver();
                    if (d == null || !d.get("configuration_pids").isEmpty()) {
                        return false;
                    }
                    HttpResponse<String> answer =
                            runtime.get("/api/v1/tenants/demo/devices/signal-1");
                    if (answer.statusCode() != 200) {
                        return false; // not seen yet (the defaults had not published before)
                    }
                    JsonNode device = RuntimeProcess.JSON.readTree(answer.body());
                    return device.hasNonNull("last_seen")
                            && java.time.Instant.parse(device.get("last_seen").asText())
                                    .isAfter(deletedAt);
                });
    }

    @Test
    void configFileDroppedIntoDeployBecomesAConfigurationAndItsRemovalDeletesIt() throws Exception {
        java.nio.file.Path file = runtime.deploy().resolve("com.example.signal.generator.config");
        Files.writeString(file, "device=\"press-9\"\nwaveform=\"RAMP\"\nperiodSeconds=I\"30\"\n");
        RuntimeProcess.await(
                "configuration from deploy/",
                Duration.ofSeconds(10),
                () -> generatorPublishes("press-9"));
        JsonNode config = runtime.getJson(PID);
        assertEquals(30, config.get("properties").get("periodSeconds").asInt());
        Files.delete(file);
        RuntimeProcess.await(
                "configuration deleted",
                Duration.ofSeconds(10),
                () -> !runtime.getJson(PID).get("configured").asBoolean());
    }

    @Test
    void factoryConfigurationsAreAddressedAsFactoryPidTildeName() throws Exception {
        HttpResponse<String> put =
                runtime.put(
                        "/api/v1/system/configurations/com.acme.line~packer-2",
                        "{\"speed\":12,\"name\":\"Packer 2\"}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode config = runtime.getJson("/api/v1/system/configurations/com.acme.line~packer-2");
        assertEquals("com.acme.line", config.get("factory_pid").asText());
        assertEquals(12, config.get("properties").get("speed").asInt());
        assertEquals(
                204,
                runtime.delete("/api/v1/system/configurations/com.acme.line~packer-2")
                        .statusCode());
        assertEquals(
                404,
                runtime.get("/api/v1/system/configurations/com.acme.line~packer-2").statusCode());
    }
}
