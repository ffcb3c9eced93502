package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulated devices of the demo profile over REST, in the seed's device-management shape: sensor
 * lifecycle, the simulator driver instance behind it, commands that change its output, back-fill.
 */
class SimulationIT extends OneRuntimePerClass {
    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return response.body().isEmpty() ? null : RuntimeProcess.JSON.readTree(response.body());
    }

    private static void device(String tenant, String device) throws Exception {
        if (runtime.get("/api/v1/tenants/" + tenant).statusCode() == 404) {
            json(runtime.post("/api/v1/tenants", "{\"id\":\"" + tenant + "\"}"), 201);
        }
        json(
                runtime.post(
                        "/api/v1/tenants/" + tenant + "/devices", "{\"id\":\"" + device + "\"}"),
                201);
    }

    private static double latest(String path, String metric) throws Exception {
        JsonNode value =
                runtime.getJson(path + "/latest").path("metrics").path(metric).path("value");
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    private static JsonNode command(String device, String body) throws Exception {
        JsonNode created =
                json(
                        runtime.post("/api/v1/tenants/sim/devices/" + device + "/commands", body),
                        201);
        String path =
                "/api/v1/tenants/sim/devices/" + device + "/commands/" + created.get("id").asText();
        RuntimeProcess.await(
                "command answered",
                Duration.ofSeconds(20),
                () ->
                        !List.of("pending", "delivered")
                                .contains(runtime.getJson(path).get("state").asText()));
        return runtime.getJson(path);
    }

    @Test
    void aSimulatedSensorIsAddedProducesObeysCommandsAndIsRemoved() throws Exception {
        device("sim", "press-7");
        String sensors = "/api/v1/tenants/sim/devices/press-7/sensors";
        HttpResponse<String> bad =
                runtime.post(
                        sensors,
                        "{\"sensor_identifier\": \"100003\", \"sensor_type\": \"toaster\","
                                + " \"sampling_interval\": 0, \"data\": [{\"disturbances\":"
                                + " [{\"disturbance_type\": \"white_noise\", \"parameters\":"
                                + " {\"mean\": 0}}]}]}");
        JsonNode problem = json(bad, 400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(
                List.of(
                        "sensor_type",
                        "sampling_interval",
                        "data[0].disturbances[0].parameters.std"),
                fields,
                problem.toString());

        String body =
                "{\"sensor_identifier\": \"100003\", \"sensor_type\": \"humidity\","
                        + " \"sampling_interval\": 0.1, \"data\": [{\"offset\": 0.5,"
                        + " \"disturbances\": [{\"disturbance_type\": \"white_noise\","
                        + " \"parameters\": {\"mean\": 0, \"std\": 0.5}}, {\"disturbance_type\":"
                        + " \"drift\", \"parameters\": {\"rate\": 0.01, \"start\": 0}}]}]}";
        JsonNode created = json(runtime.post(sensors, body), 201);
        String driver = created.get("driver_id").asText();
        assertEquals("sim-sim-press-7", driver);
        assertEquals("[\"100003\"]", created.get("metrics").toString());
        json(runtime.post(sensors, body), 409);
        assertEquals(
                "100003",
                runtime.getJson(sensors).get("sensors").get(0).get("sensor_identifier").asText());

        RuntimeProcess.await(
                "simulator running",
                Duration.ofSeconds(30),
                () ->
                        runtime.getJson("/api/v1/drivers/" + driver)
                                .get("state")
                                .asText()
                                .equals("running"));
        assertEquals(
                "simulator", runtime.getJson("/api/v1/drivers/" + driver).get("type").asText());
        String device = "/api/v1/tenants/sim/devices/press-7";
        RuntimeProcess.await(
                "live humidity values",
                Duration.ofSeconds(30),
                () -> latest(device, "100003") > 20);
        RuntimeProcess.await(
                "online",
                Duration.ofSeconds(30),
                () -> runtime.getJson(device).get("status").asText().equals("online"));
        assertEquals(
                "%",
                runtime.getJson(device + "/metrics").get("metrics").get(0).get("unit").asText());

        JsonNode offset =
                command("press-7", "{\"name\": \"set_offset\", \"arguments\": {\"value\": 1000}}");
        assertEquals("succeeded", offset.get("state").asText(), offset.toString());
        RuntimeProcess.await(
                "values moved by the offset",
                Duration.ofSeconds(30),
                () -> latest(device, "100003") > 900);
        JsonNode unknown = command("press-7", "{\"name\": \"explode\", \"arguments\": {}}");
        assertEquals("refused", unknown.get("state").asText(), unknown.toString());
        assertTrue(unknown.get("answer").asText().contains("set_offset"), unknown.toString());
        assertEquals(
                "succeeded",
                command("press-7", "{\"name\": \"pause\", \"arguments\": {}}")
                        .get("state")
                        .asText());

        assertEquals(204, runtime.delete(sensors + "/100003").statusCode());
        assertEquals(404, runtime.delete(sensors + "/100003").statusCode());
        RuntimeProcess.await(
                "driver removed",
                Duration.ofSeconds(30),
                () -> runtime.get("/api/v1/drivers/" + driver).statusCode() == 404);
        assertEquals(0, runtime.getJson(sensors).get("sensors").size());
    }

    @Test
    void thirtyDaysAreBackFilledExactly() throws Exception {
        device("sim", "history");
        Instant to = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant from = to.minus(Duration.ofDays(30));
        json(
                runtime.post(
                        "/api/v1/tenants/sim/devices/history/sensors",
                        "{\"sensor_identifier\": \"t1\", \"sensor_type\": \"temperature\","
                                + " \"sampling_interval\": 60, \"backfill\": {\"from\": \""
                                + from
                                + "\", \"to\": \""
                                + to
                                + "\"}}"),
                201);
        String query =
                "/api/v1/tenants/sim/devices/history/metrics/t1/samples?from="
                        + from
                        + "&to="
                        + to
                        + "&bucket=1d&agg=count,min,max";
        RuntimeProcess.await(
                "30 days of 1,440 samples",
                Duration.ofSeconds(120),
                () -> {
                    HttpResponse<String> answer = runtime.get(query);
                    if (answer.statusCode() == 404) {
                        return false; // the metric appears with its first stored sample
                    }
                    JsonNode buckets = json(answer, 200).get("buckets");
                    long full = 0;
                    for (JsonNode b : buckets) {
                        full += b.get("count").asLong() == 1_440 ? 1 : 0;
                    }
                    return buckets.size() == 30 && full == 30;
                });
        for (JsonNode b : runtime.getJson(query).get("buckets")) {
            assertTrue(b.get("min").asDouble() > 15 && b.get("max").asDouble() < 28, b.toString());
        }
    }
}
