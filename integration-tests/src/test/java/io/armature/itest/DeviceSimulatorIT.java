package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/armature-device} of the assembled runtime, a separate process, against a real runtime
 * with a gRPC hub: what it reports acknowledged is stored, and it answers commands.
 */
class DeviceSimulatorIT extends OneRuntimePerClass {
    private static String hub;

    @BeforeAll
    static void createHub() throws Exception {
        hub = GrpcHubs.create(runtime);
    }

    private static ProcessBuilder device(String device, String sensors, String... options)
            throws IOException {
        Path file = Files.createTempFile(runtime.home(), "sensors", ".json");
        Files.writeString(file, sensors);
        List<String> command = new ArrayList<>();
        command.add(runtime.home().resolve("bin/armature-device").toString());
        command.addAll(
                List.of(
                        "--url",
                        runtime.baseUrl(),
                        "--hub",
                        hub,
                        "--tenant",
                        "field",
                        "--device",
                        device,
                        "--sensors",
                        file.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ARMATURE_TOKEN", runtime.token());
        return builder;
    }

    private static long stored(String device, String metric, Instant from, Instant to)
            throws Exception {
        HttpResponse<String> answer =
                runtime.get(
                        "/api/v1/tenants/field/devices/"
                                + device
                                + "/metrics/"
                                + metric
                                + "/samples?from="
                                + from
                                + "&to="
                                + to
                                + "&bucket=1d&agg=count");
        if (answer.statusCode() == 404) {
            return 0;
        }
        long count = 0;
        for (JsonNode b : RuntimeProcess.JSON.readTree(answer.body()).get("buckets")) {
            count += b.get("count").asLong();
        }
        return count;
    }

    @Test
    void everySampleItReportsAcknowledgedIsStored() throws Exception {
        Instant before = Instant.now().minus(Duration.ofDays(2));
        Process process =
                device(
                                "dev-fast",
                                "[{\"sensor_identifier\": \"100003\", \"sensor_type\": \"humidity\","
                                        + " \"sampling_interval\": 1}, {\"sensor_identifier\": \"air\","
                                        + " \"sensor_type\": \"airSensor\", \"sampling_interval\": 1}]",
                                "--rate",
                                "0",
                                "--count",
                                "30000")
                        .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("registered device field/dev-fast"), output);
        assertTrue(
                output.contains("done: sent 90,000 samples, acknowledged 90,000 (accepted 90,000"),
                output);
        Instant after = Instant.now().plusSeconds(60);
        RuntimeProcess.await(
                "every acknowledged sample stored",
                Duration.ofSeconds(60),
                () ->
                        stored("dev-fast", "100003", before, after) == 30_000
                                && stored("dev-fast", "air.temperature", before, after) == 30_000
                                && stored("dev-fast", "air.humidity", before, after) == 30_000);
        assertTrue(
                runtime.getJson("/api/v1/tenants/field/devices/dev-fast").get("type").isNull(),
                "sensors of two types: the device gets no type");
    }

    @Test
    void itIsOnlineAndAnswersCommandsOverTheHub() throws Exception {
        Process process =
                device(
                                "dev-live",
                                "[{\"sensor_identifier\": \"t\", \"sensor_type\": \"temperature\","
                                        + " \"sampling_interval\": 0.1}]",
                                "--heartbeat",
                                "1")
                        .redirectOutput(runtime.home().resolve("logs/device.out").toFile())
                        .start();
        try {
            String path = "/api/v1/tenants/field/devices/dev-live";
            RuntimeProcess.await(
                    "online with live values",
                    Duration.ofSeconds(60),
                    () ->
                            runtime.get(path).statusCode() == 200
                                    && runtime.getJson(path).get("status").asText().equals("online")
                                    && runtime.getJson(path + "/latest").path("metrics").has("t"));
            assertEquals("temperature", runtime.getJson(path).get("type").asText());
            HttpResponse<String> sent =
                    runtime.post(
                            path + "/commands",
                            "{\"name\": \"set_offset\", \"arguments\": {\"value\": 50}}");
            assertEquals(201, sent.statusCode(), sent.body());
            String command =
                    path
                            + "/commands/"
                            + RuntimeProcess.JSON.readTree(sent.body()).get("id").asText();
            RuntimeProcess.await(
                    "answered by the device",
                    Duration.ofSeconds(30),
                    () -> runtime.getJson(command).get("state").asText().equals("succeeded"));
            assertTrue(
                    runtime.getJson(command).get("answer").asText().contains("set_offset 50.0"),
                    runtime.getJson(command).toString());
            RuntimeProcess.await(
                    "values moved by the offset",
                    Duration.ofSeconds(30),
                    () ->
                            runtime.getJson(path + "/latest")
                                            .path("metrics")
                                            .path("t")
                                            .path("value")
                                            .asDouble()
                                    > 60);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
