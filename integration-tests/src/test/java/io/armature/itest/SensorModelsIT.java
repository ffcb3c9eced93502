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

/** The built-in sensor types of the demo profile over REST, and ingest's range check by type. */
class SensorModelsIT extends OneRuntimePerClass {
    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return RuntimeProcess.JSON.readTree(response.body());
    }

    @Test
    void sensorTypesAreListedWithMetricsUnitsAndRanges() throws Exception {
        JsonNode types = runtime.getJson("/api/v1/sensor-types").get("sensor_types");
        List<String> ids = new ArrayList<>();
        types.forEach(t -> ids.add(t.get("id").asText()));
        assertEquals(
                List.of(
                        "airSensor",
                        "heatPumpController",
                        "humidity",
                        "powerConsumption",
                        "press",
                        "pressure",
                        "temperature"),
                ids);
        JsonNode air = runtime.getJson("/api/v1/sensor-types/airSensor");
        assertEquals(60.0, air.get("sampling_interval_seconds").asDouble());
        assertEquals("temperature", air.get("metrics").get(0).get("id").asText());
        assertEquals("Cel", air.get("metrics").get(0).get("unit").asText());
        assertEquals(-40.0, air.get("metrics").get(0).get("min").asDouble());
        assertEquals("%", air.get("metrics").get(1).get("unit").asText());
        assertEquals(100.0, air.get("metrics").get(1).get("max").asDouble());
        JsonNode energy = runtime.getJson("/api/v1/sensor-types/powerConsumption").get("metrics");
        assertEquals("kW.h", energy.get(1).get("unit").asText());
        assertTrue(energy.get(1).get("max").isNull(), "an open bound is null: " + energy);
        JsonNode mode = runtime.getJson("/api/v1/sensor-types/heatPumpController").get("metrics");
        assertEquals("[\"off\",\"heating\",\"cooling\"]", mode.get(2).get("states").toString());

        HttpResponse<String> missing = runtime.get("/api/v1/sensor-types/toaster");
        assertEquals(404, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("no sensor type with id 'toaster'"), missing.body());
        assertEquals(
                401, Http.send(runtime, null, "GET", "/api/v1/sensor-types", null).statusCode());
    }

    @Test
    void samplesOfATypedDeviceOutsideTheRangeAreRejectedCountedAndTheRestStored() throws Exception {
        json(runtime.post("/api/v1/tenants", "{\"id\":\"house\"}"), 201);
        json(
                runtime.post(
                        "/api/v1/tenants/house/devices",
                        "{\"id\":\"living-room\",\"type\":\"airSensor\"}"),
                201);
        json(runtime.post("/api/v1/tenants/house/devices", "{\"id\":\"untyped\"}"), 201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder body = new StringBuilder("[");
        double[] humidity = {40.5, 130, 41, -3, 42};
        for (int i = 0; i < humidity.length; i++) {
            body.append("{\"device\":\"living-room\",\"metric\":\"humidity\",\"time\":\"")
                    .append(now.plusSeconds(i))
                    .append("\",\"value\":")
                    .append(humidity[i])
                    .append("},");
        }
        body.append("{\"device\":\"living-room\",\"metric\":\"temperature\",\"time\":\"")
                .append(now)
                .append("\",\"value\":200},");
        body.append("{\"device\":\"untyped\",\"metric\":\"humidity\",\"time\":\"")
                .append(now)
                .append("\",\"value\":130}]");
        JsonNode answer = json(runtime.post("/api/v1/tenants/house/samples", body.toString()), 200);

        assertEquals(4, answer.get("accepted").asInt(), answer.toString());
        List<String> errors = new ArrayList<>();
        answer.get("errors")
                .forEach(e -> errors.add(e.get("index").asInt() + "=" + e.get("reason").asText()));
        assertEquals(List.of("1=out_of_range", "3=out_of_range", "5=out_of_range"), errors);
        assertTrue(
                answer.get("errors").get(2).get("message").asText().contains("[-40, 125] Cel"),
                answer.toString());

        String window =
                "from="
                        + now.minusSeconds(60)
                        + "&to="
                        + now.plusSeconds(60)
                        + "&bucket=1h&agg=count";
        RuntimeProcess.await(
                "the valid samples stored",
                Duration.ofSeconds(30),
                () ->
                        count("living-room", "humidity", window) == 3
                                && count("untyped", "humidity", window) == 1);
        JsonNode checks = runtime.getJson("/health").get("checks");
        JsonNode ingest = null;
        for (JsonNode check : checks) {
            if (check.get("name").asText().equals("ingest")) {
                ingest = check;
            }
        }
        assertEquals(
                3,
                ingest.get("data").get("rejected_samples").get("out_of_range").asLong(),
                checks.toString());
    }

    private long count(String device, String metric, String window) throws Exception {
        long stored = 0;
        for (JsonNode bucket :
                runtime.getJson(
                                "/api/v1/tenants/house/devices/"
                                        + device
                                        + "/metrics/"
                                        + metric
                                        + "/samples?"
                                        + window)
                        .get("buckets")) {
            stored += bucket.get("count").asLong();
        }
        return stored;
    }
}
