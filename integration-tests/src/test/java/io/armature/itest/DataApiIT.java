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
 * The data path of the demo profile (embedded PostgreSQL) over REST: tenants, devices, status,
 * validation, and a million samples that must come back exactly.
 */
class DataApiIT extends OneRuntimePerClass {
    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return response.body().isEmpty() ? null : RuntimeProcess.JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        assertTrue(response.body().contains(detail), response.body());
    }

    @Test
    void tenantsAreCreatedValidatedPatchedAndDeleted() throws Exception {
        JsonNode created =
                json(
                        runtime.post(
                                "/api/v1/tenants",
                                "{\"id\":\"plant-7\",\"name\":\"Plant 7\",\"retention\":\"30d\","
                                        + "\"unknown_device_policy\":\"reject\"}"),
                        201);
        assertEquals("reject", created.get("unknown_device_policy").asText());
        assertEquals("30d", created.get("retention").asText());
        assertProblem(runtime.post("/api/v1/tenants", "{\"id\":\"plant-7\"}"), 409, "exists");
        HttpResponse<String> bad =
                runtime.post(
                        "/api/v1/tenants",
                        "{\"id\":\"a b\",\"retention\":\"forever\",\"unknown_device_policy\":1,\"colour\":\"red\"}");
        assertProblem(bad, 400, "invalid request body");
        JsonNode errors = RuntimeProcess.JSON.readTree(bad.body()).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(
                List.of("colour", "id", "unknown_device_policy", "retention"), fields, bad.body());
        assertProblem(runtime.post("/api/v1/tenants", "[1,2]"), 400, "JSON object");
        assertProblem(runtime.post("/api/v1/tenants", "{\"id\":"), 400, "");

        JsonNode patched =
                json(
                        runtime.patch(
                                "/api/v1/tenants/plant-7",
                                "{\"retention\":null,\"unknown_device_policy\":\"auto_register\"}"),
                        200);
        assertTrue(patched.get("retention").isNull());
        assertEquals("auto_register", patched.get("unknown_device_policy").asText());
        assertEquals("Plant 7", patched.get("name").asText());
        List<String> ids = new ArrayList<>();
        json(runtime.get("/api/v1/tenants"), 200)
                .get("tenants")
                .forEach(t -> ids.add(t.get("id").asText()));
        assertTrue(ids.contains("plant-7"), ids.toString());

        assertEquals(204, runtime.delete("/api/v1/tenants/plant-7").statusCode());
        assertProblem(runtime.get("/api/v1/tenants/plant-7"), 404, "no tenant 'plant-7'");
        assertProblem(runtime.patch("/api/v1/tenants/plant-7", "{}"), 404, "no tenant");
    }

    @Test
    void devicesAreRegisteredFilteredPagedAndTrackedAndUnknownOnesRejectedByPolicy()
            throws Exception {
        json(
                runtime.post(
                        "/api/v1/tenants",
                        "{\"id\":\"line\",\"unknown_device_policy\":\"reject\"}"),
                201);
        String devices = "/api/v1/tenants/line/devices";
        for (int i = 0; i < 5; i++) {
            json(
                    runtime.post(
                            devices,
                            "{\"id\":\"press-"
                                    + i
                                    + "\",\"name\":\"Press "
                                    + i
                                    + "\",\"type\":\""
                                    + (i % 2 == 0 ? "press" : "robot")
                                    + "\",\"tags\":{\"hall\":\""
                                    + (i < 3 ? "A" : "B")
                                    + "\"}}"),
                    201);
        }
        assertProblem(runtime.post(devices, "{\"id\":\"press-0\"}"), 409, "exists already");
        assertProblem(runtime.post(devices, "{\"id\":\"x\",\"tags\":{\"a\":1}}"), 400, "tags.a");
        assertProblem(runtime.get("/api/v1/tenants/nowhere/devices"), 404, "no tenant");

        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode answer =
                json(
                        runtime.post(
                                "/api/v1/tenants/line/samples",
                                "[{\"device\":\"press-0\",\"metric\":\"force\",\"time\":\""
                                        + now
                                        + "\",\"value\":12.5,\"unit\":\"kN\"},"
                                        + "{\"device\":\"stranger\",\"metric\":\"force\",\"time\":\""
                                        + now
                                        + "\",\"value\":1},"
                                        + "{\"device\":\"press-0\",\"metric\":\"force\",\"time\":\"2999-01-01T00:00:00Z\",\"value\":1},"
                                        + "{\"device\":\"press-0\",\"metric\":\"temp\",\"time\":\""
                                        + now
                                        + "\",\"value\":\"NaN\"},"
                                        + "{\"device\":\"press-0\",\"metric\":\"temp\",\"time\":\""
                                        + now
                                        + "\",\"value\":true},"
                                        + "{\"device\":\"press-1\",\"metric\":\"temp\",\"time\":\""
                                        + now
                                        + "\",\"value\":40}]"),
                        200);
        assertEquals(2, answer.get("accepted").asInt(), answer.toString());
        List<String> reasons = new ArrayList<>();
        answer.get("errors")
                .forEach(e -> reasons.add(e.get("index").asInt() + "=" + e.get("reason").asText()));
        assertEquals(
                List.of(
                        "1=unknown_device",
                        "2=time_in_future",
                        "3=non_finite_value",
                        "4=invalid_value"),
                reasons);
        assertProblem(runtime.get(devices + "/stranger"), 404, "no device 'stranger'");

        JsonNode pressZero = json(runtime.get(devices + "/press-0"), 200);
        assertEquals("online", pressZero.get("status").asText(), pressZero.toString());
        assertTrue(pressZero.get("last_seen").isTextual());
        JsonNode metrics = json(runtime.get(devices + "/press-0/metrics"), 200).get("metrics");
        assertEquals("force", metrics.get(0).get("id").asText());
        assertEquals("kN", metrics.get(0).get("unit").asText());
        RuntimeProcess.await(
                "valid samples of the batch stored",
                Duration.ofSeconds(20),
                () ->
                        json(runtime.get(devices + "/press-0/latest"), 200)
                                        .at("/metrics/force/value")
                                        .asDouble()
                                == 12.5);

        assertEquals(
                List.of("press-0", "press-1"), ids(runtime.getJson(devices + "?status=online")));
        assertEquals(
                List.of("press-2", "press-3", "press-4"),
                ids(runtime.getJson(devices + "?status=unknown")));
        assertEquals(
                List.of("press-0", "press-2"),
                ids(runtime.getJson(devices + "?type=press&tag=hall:A")));
        assertProblem(runtime.get(devices + "?status=sleeping"), 400, "status");
        assertProblem(runtime.get(devices + "?tag=hall"), 400, "key:value");
        JsonNode page = runtime.getJson(devices + "?limit=2");
        assertEquals(List.of("press-0", "press-1"), ids(page));
        JsonNode next =
                runtime.getJson(devices + "?limit=2&cursor=" + page.get("next_cursor").asText());
        assertEquals(List.of("press-2", "press-3"), ids(next));
        JsonNode last =
                runtime.getJson(devices + "?limit=2&cursor=" + next.get("next_cursor").asText());
        assertEquals(List.of("press-4"), ids(last));
        assertTrue(last.get("next_cursor").isNull());

        JsonNode renamed =
                json(
                        runtime.patch(
                                devices + "/press-4",
                                "{\"name\":\"Spare\",\"tags\":{\"hall\":\"C\"}}"),
                        200);
        assertEquals("Spare", renamed.get("name").asText());
        assertEquals("press", renamed.get("type").asText(), "fields not sent are kept");
        assertEquals(204, runtime.post(devices + "/press-4/heartbeat", "").statusCode());
        assertEquals("online", runtime.getJson(devices + "/press-4").get("status").asText());

        assertEquals(204, runtime.delete(devices + "/press-0").statusCode());
        assertProblem(runtime.get(devices + "/press-0/metrics"), 404, "no device");
        assertProblem(runtime.get(devices + "/press-0/latest"), 404, "no device 'press-0'");
        assertProblem(
                runtime.get(devices + "/press-1/metrics/pressure/samples"),
                404,
                "has no metric 'pressure'");
        json(runtime.post(devices, "{\"id\":\"press-0\"}"), 201);
        assertTrue(
                json(runtime.get(devices + "/press-0/latest"), 200).get("metrics").isEmpty(),
                "registered again, it starts without the deleted data");
    }

    @Test
    void aSilentDeviceGoesOfflineAfterTheConfiguredTimeoutAndTheTransitionIsRecorded()
            throws Exception {
        String pid = "/api/v1/system/configurations/io.armature.device.registry";
        assertEquals(
                200, runtime.put(pid, "{\"statusTimeoutSeconds\": 3}").statusCode(), "configured");
        try {
            String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            json(
                    runtime.post(
                            "/api/v1/tenants/status-test/samples",
                            "[{\"device\":\"quiet\",\"metric\":\"m\",\"time\":\""
                                    + now
                                    + "\",\"value\":1}]"),
                    200);
            String device = "/api/v1/tenants/status-test/devices/quiet";
            RuntimeProcess.await(
                    "offline after 3 s without data",
                    Duration.ofSeconds(15),
                    () -> runtime.getJson(device).get("status").asText().equals("offline"));
            RuntimeProcess.await(
                    "online -> offline recorded",
                    Duration.ofSeconds(5),
                    () ->
                            runtime.getJson(device)
                                    .get("status_history")
                                    .toString()
                                    .contains("\"from\":\"online\",\"to\":\"offline\""));
            assertEquals(
                    List.of("quiet"),
                    ids(runtime.getJson("/api/v1/tenants/status-test/devices?status=offline")));
        } finally {
            runtime.put(pid, "{\"statusTimeoutSeconds\": 20}");
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("devices").forEach(d -> ids.add(d.get("id").asText()));
        return ids;
    }

    /** Deterministic integral values, so sums are exact in floating point. */
    private static long value(int series, int i) {
        return ((long) i * 7919 + series * 104_729L) % 10_007 - 5_000;
    }

    @Test
    void aMillionSamplesComeBackExactlyRawAndBucketed() throws Exception {
        int seriesCount = 100;
        int perSeries = 10_000;
        int perRequest = 100; // per series; 100 series x 100 = 10,000 samples per request
        Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        for (int from = 0; from < perSeries; from += perRequest) {
            StringBuilder body = new StringBuilder(1_000_000).append('[');
            for (int s = 0; s < seriesCount; s++) {
                for (int i = from; i < from + perRequest; i++) {
                    if (body.length() > 1) {
                        body.append(',');
                    }
                    body.append("{\"device\":\"dev-")
                            .append(s / 10)
                            .append("\",\"metric\":\"m")
                            .append(s % 10)
                            .append("\",\"time\":\"")
                            .append(start.plusSeconds(i))
                            .append("\",\"value\":")
                            .append(value(s, i))
                            .append('}');
                }
            }
            JsonNode answer =
                    json(
                            runtime.post(
                                    "/api/v1/tenants/bulk/samples", body.append(']').toString()),
                            200);
            assertEquals(
                    seriesCount * perRequest, answer.get("accepted").asInt(), answer.toString());
        }
        // buckets are aligned to the epoch (like time_bucket), so sum them all
        String window =
                "from=" + start + "&to=" + start.plus(Duration.ofHours(3)) + "&bucket=1h&agg=count";
        RuntimeProcess.await(
                "all stored",
                Duration.ofSeconds(120),
                () -> {
                    long stored = 0;
                    for (JsonNode b :
                            runtime.getJson(
                                            "/api/v1/tenants/bulk/devices/dev-9/metrics/m9/samples?"
                                                    + window)
                                    .get("buckets")) {
                        stored += b.get("count").asLong();
                    }
                    return stored == perSeries;
                });

        for (int s = 0; s < seriesCount; s++) {
            String series =
                    "/api/v1/tenants/bulk/devices/dev-"
                            + (s / 10)
                            + "/metrics/m"
                            + (s % 10)
                            + "/samples";
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < perSeries; i++) {
                sum += value(s, i);
                min = Math.min(min, value(s, i));
                max = Math.max(max, value(s, i));
            }
            String range = "from=" + start + "&to=" + start.plus(Duration.ofHours(3));
            JsonNode raw = runtime.getJson(series + "?" + range + "&limit=" + perSeries);
            assertTrue(raw.get("next_cursor").isNull(), "one page holds the series");
            JsonNode points = raw.get("samples");
            assertEquals(perSeries, points.size(), series);
            long rawSum = 0;
            for (int i = 0; i < perSeries; i++) {
                JsonNode point = points.get(i);
                assertEquals(start.plusSeconds(i).toString(), point.get("time").asText(), series);
                rawSum += point.get("value").asLong();
            }
            assertEquals(sum, rawSum, series);

            // whole hours: answered from the hourly rollups; 25-minute buckets: from raw samples
            for (String bucket : List.of("1h", "25m")) {
                JsonNode buckets =
                        runtime.getJson(
                                        series
                                                + "?"
                                                + range
                                                + "&bucket="
                                                + bucket
                                                + "&agg=count,sum,min,max")
                                .get("buckets");
                long count = 0;
                double bucketSum = 0;
                double bucketMin = Double.MAX_VALUE;
                double bucketMax = -Double.MAX_VALUE;
                for (JsonNode b : buckets) {
                    count += b.get("count").asLong();
                    if (b.get("count").asLong() > 0) {
                        bucketSum += b.get("sum").asDouble();
                        bucketMin = Math.min(bucketMin, b.get("min").asDouble());
                        bucketMax = Math.max(bucketMax, b.get("max").asDouble());
                    }
                }
                assertEquals(perSeries, count, series + " " + bucket);
                assertEquals((double) sum, bucketSum, series + " " + bucket);
                assertEquals((double) min, bucketMin, series + " " + bucket);
                assertEquals((double) max, bucketMax, series + " " + bucket);
            }
            if (s == 0) {
                JsonNode hours =
                        runtime.getJson(series + "?" + range + "&bucket=1h&agg=count")
                                .get("buckets");
                assertEquals(3, hours.size());
                assertEquals(3_600, hours.get(0).get("count").asInt());
                assertEquals(
                        2_800, hours.get(2).get("count").asInt(), "10,000 s = 2 h 46 min 40 s");
            }
        }
        JsonNode devices = runtime.getJson("/api/v1/tenants/bulk/devices?limit=1000");
        assertEquals(10, devices.get("devices").size(), "auto-registered devices");
        assertEquals(
                10,
                runtime.getJson("/api/v1/tenants/bulk/devices/dev-3/metrics")
                        .get("metrics")
                        .size());
    }

    @Test
    void theLiveStreamSendsTheDevicesAcceptedSamplesAsServerSentEvents() throws Exception {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        json(
                runtime.post(
                        "/api/v1/tenants/live/samples",
                        "[{\"device\":\"m-1\",\"metric\":\"temp\",\"time\":\""
                                + now
                                + "\",\"value\":1}]"),
                200);
        java.util.concurrent.BlockingQueue<String> lines =
                new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<java.util.stream.Stream<String>> stream =
                client.send(
                        runtime.requestTo("/api/v1/tenants/live/devices/m-1/stream?metric=temp")
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        assertEquals(
                "text/event-stream",
                stream.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Thread reader =
                new Thread(
                        () -> {
                            try (var body = stream.body()) {
                                body.forEach(lines::add);
                            } catch (RuntimeException closed) {
                                // the test ended the stream
                            }
                        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertEquals("event: ready", lines.poll(10, java.util.concurrent.TimeUnit.SECONDS));
            String later = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            json(
                    runtime.post(
                            "/api/v1/tenants/live/samples",
                            "[{\"device\":\"m-1\",\"metric\":\"hum\",\"time\":\""
                                    + later
                                    + "\",\"value\":55},"
                                    + "{\"device\":\"m-2\",\"metric\":\"temp\",\"time\":\""
                                    + later
                                    + "\",\"value\":99},"
                                    + "{\"device\":\"m-1\",\"metric\":\"temp\",\"time\":\""
                                    + later
                                    + "\",\"value\":21.5}]"),
                    200);
            String data = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (data == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (line != null && line.startsWith("data: {\"samples\"")) {
                    data = line.substring("data: ".length());
                }
            }
            JsonNode event = RuntimeProcess.JSON.readTree(data);
            assertEquals(1, event.get("samples").size(), data);
            JsonNode sample = event.get("samples").get(0);
            assertEquals("temp", sample.get("metric").asText());
            assertEquals(21.5, sample.get("value").asDouble());
            assertEquals(later, sample.get("time").asText());
            assertEquals(0, event.get("skipped").asInt());
        } finally {
            reader.interrupt();
            stream.body().close();
        }
        assertProblem(
                runtime.get("/api/v1/tenants/live/devices/m-9/stream"), 404, "no device 'm-9'");
        assertProblem(
                runtime.get("/api/v1/tenants/live/devices/m-1/stream?metric=a%20b"),
                400,
                "metric 'a b'");
        HttpResponse<String> anonymous =
                client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(
                                                runtime.baseUrl()
                                                        + "/api/v1/tenants/live/devices/m-1/stream"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }
}
