package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gRPC hub in a demo runtime, driven by node clients built only from the seed's {@code
 * hub.proto} and from {@code armature_hub_v1.proto}: 100,000 streamed values all stored, status
 * reports, invalid messages refused while the stream goes on, tokens, batches with
 * acknowledgements, and a command round trip.
 */
class GrpcHubIT extends OneRuntimePerClass {
    private static String address;
    private static String seedProto;
    private static String v1Proto;

    @BeforeAll
    static void hub() throws Exception {
        assumeTrue(
                NodeGrpcClients.available(), "node is installed on every machine of this project");
        NodeGrpcClients.install();
        seedProto = NodeGrpcClients.PROTOS.resolve("hub.proto").toString();
        v1Proto = NodeGrpcClients.PROTOS.resolve("armature_hub_v1.proto").toString();
        address = GrpcHubs.create(runtime);
    }

    private static long count(String tenant, String device, String metric, Instant from, Instant to)
            throws Exception {
        JsonNode buckets =
                runtime.getJson(
                                "/api/v1/tenants/"
                                        + tenant
                                        + "/devices/"
                                        + device
                                        + "/metrics/"
                                        + metric
                                        + "/samples?bucket=1d&agg=count&from="
                                        + from
                                        + "&to="
                                        + to)
                        .get("buckets");
        long total = 0;
        for (JsonNode bucket : buckets) {
            total += bucket.get("count").asLong();
        }
        return total;
    }

    /** Accepted samples reach storage asynchronously (after the journal): wait for them. */
    private static void awaitCount(
            long expected, String tenant, String device, String metric, Instant from, Instant to)
            throws Exception {
        RuntimeProcess.await(
                expected + " samples of " + tenant + "/" + device + "/" + metric + " stored",
                Duration.ofSeconds(30),
                () -> count(tenant, device, metric, from, to) == expected);
        assertEquals(expected, count(tenant, device, metric, from, to), "and not more");
    }

    @Test
    void aSeedDeviceStreamsOneHundredThousandValuesAndEveryOneIsStored() throws Exception {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode result =
                NodeGrpcClients.run(
                        "seed-device.js",
                        seedProto,
                        address,
                        runtime.token(),
                        "stream",
                        "seed",
                        "sensor-1",
                        "temperature",
                        "100000",
                        String.valueOf(start.toEpochMilli()));
        assertTrue(result.get("ok").asBoolean(), result.toString());
        assertEquals(100_000, result.get("sent").asInt());
        awaitCount(100_000, "seed", "sensor-1", "temperature", start, start.plusSeconds(101));
        JsonNode metrics = runtime.getJson("/api/v1/tenants/seed/devices/sensor-1/metrics");
        assertTrue(metrics.toString().contains("\"unit\":\"Cel\""), metrics.toString());
        assertTrue(
                metrics.toString().contains("\"display_name\":\"Temperature\""),
                metrics.toString());
        JsonNode hub = runtime.getJson("/api/v1/drivers/hub");
        assertTrue(hub.get("samples_in").asLong() >= 100_000, hub.toString());
        assertTrue(hub.get("devices").toString().contains("seed/sensor-1"), hub.toString());
    }

    @Test
    void invalidValuesAreRefusedWithInvalidArgumentWhileTheValidOnesAreStored() throws Exception {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode result =
                NodeGrpcClients.run(
                        "seed-device.js",
                        seedProto,
                        address,
                        runtime.token(),
                        "stream",
                        "seed",
                        "sensor-2",
                        "humidity",
                        "1000",
                        String.valueOf(start.toEpochMilli()),
                        "10");
        assertEquals(false, result.get("ok").asBoolean(), result.toString());
        assertEquals(3, result.get("code").asInt(), "INVALID_ARGUMENT: " + result);
        assertTrue(
                result.get("details").asText().contains("100 of 1000 values refused"),
                result.toString());
        awaitCount(900, "seed", "sensor-2", "humidity", start, start.plusSeconds(2));
    }

    @Test
    void aStatusReportIsASignOfLife() throws Exception {
        assertEquals(
                201,
                runtime.post(
                                "/api/v1/tenants",
                                "{\"id\": \"strict\", \"unknown_device_policy\": \"reject\"}")
                        .statusCode());
        assertEquals(
                201,
                runtime.post("/api/v1/tenants/strict/devices", "{\"id\": \"gateway-1\"}")
                        .statusCode());
        assertEquals(
                "unknown",
                runtime.getJson("/api/v1/tenants/strict/devices/gateway-1").get("status").asText());
        JsonNode ok =
                NodeGrpcClients.run(
                        "seed-device.js",
                        seedProto,
                        address,
                        runtime.token(),
                        "status",
                        "strict",
                        "gateway-1",
                        "OK");
        assertTrue(ok.get("ok").asBoolean(), ok.toString());
        JsonNode device = runtime.getJson("/api/v1/tenants/strict/devices/gateway-1");
        assertEquals("online", device.get("status").asText(), device.toString());
        JsonNode unknown =
                NodeGrpcClients.run(
                        "seed-device.js",
                        seedProto,
                        address,
                        runtime.token(),
                        "status",
                        "strict",
                        "nobody",
                        "OK");
        assertEquals(5, unknown.get("code").asInt(), "NOT_FOUND under a reject policy: " + unknown);
    }

    @Test
    void withACertificateTheHubSpeaksTlsOnly() throws Exception {
        java.nio.file.Path dir = TestCertificates.selfSigned();
        int port = TestCertificates.freePort();
        HttpResponse<String> created =
                runtime.post(
                        "/api/v1/drivers",
                        "{\"id\": \"hub-tls\", \"type\": \"grpc\", \"config\": {\"port\": "
                                + port
                                + ", \"tlsCertificate\": \""
                                + dir.resolve("cert.pem")
                                + "\", \"tlsPrivateKey\": \""
                                + dir.resolve("key.pem")
                                + "\"}}");
        assertEquals(201, created.statusCode(), created.body());
        RuntimeProcess.await(
                "TLS hub running",
                Duration.ofSeconds(30),
                () ->
                        runtime.getJson("/api/v1/drivers/hub-tls")
                                .get("state")
                                .asText()
                                .equals("running"));
        String tls = "localhost:" + port;
        assertEquals(201, runtime.post("/api/v1/tenants", "{\"id\": \"tls\"}").statusCode());
        JsonNode ok =
                NodeGrpcClients.runTls(
                        dir.resolve("cert.pem"),
                        "seed-device.js",
                        seedProto,
                        tls,
                        runtime.token(),
                        "status",
                        "tls",
                        "gateway-9",
                        "OK");
        assertTrue(ok.get("ok").asBoolean(), ok.toString());
        JsonNode plaintext =
                NodeGrpcClients.run(
                        "seed-device.js",
                        seedProto,
                        tls,
                        runtime.token(),
                        "status",
                        "tls",
                        "gateway-9",
                        "OK");
        assertEquals(
                14,
                plaintext.get("code").asInt(),
                "UNAVAILABLE for a plaintext client: " + plaintext);
        assertEquals(204, runtime.delete("/api/v1/drivers/hub-tls").statusCode());
    }

    @Test
    void callsWithoutAValidTokenAreUnauthenticated() throws Exception {
        JsonNode none =
                NodeGrpcClients.run(
                        "seed-device.js",
                        seedProto,
                        address,
                        "-",
                        "status",
                        "seed",
                        "sensor-1",
                        "OK");
        assertEquals(16, none.get("code").asInt(), none.toString());
        assertTrue(none.get("details").asText().contains("requires an API token"), none.toString());
        JsonNode wrong =
                NodeGrpcClients.run(
                        "seed-device.js",
                        seedProto,
                        address,
                        "not-a-token",
                        "status",
                        "seed",
                        "sensor-1",
                        "OK");
        assertEquals(16, wrong.get("code").asInt(), wrong.toString());
    }

    @Test
    void batchesAreAcknowledgedWithTheirCountsAndACommandMakesTheRoundTrip() throws Exception {
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode acks =
                NodeGrpcClients.run(
                        "hub-v1-device.js",
                        v1Proto,
                        address,
                        runtime.token(),
                        "batches",
                        "v1",
                        "gw-1",
                        "20",
                        "500",
                        String.valueOf(start.toEpochMilli()));
        assertTrue(acks.get("ok").asBoolean(), acks.toString());
        assertEquals(20, acks.get("acks").asInt());
        assertEquals(10_000, acks.get("accepted").asInt());
        awaitCount(10_000, "v1", "gw-1", "m", start, start.plusSeconds(11));
        JsonNode bad =
                NodeGrpcClients.run(
                        "hub-v1-device.js",
                        v1Proto,
                        address,
                        runtime.token(),
                        "batches",
                        "Bad Tenant!",
                        "gw-1",
                        "1",
                        "3",
                        String.valueOf(start.toEpochMilli()));
        assertEquals(0, bad.get("accepted").asInt(), bad.toString());
        assertEquals(3, bad.get("rejected").asInt(), bad.toString());

        Process device =
                NodeGrpcClients.start(
                        "hub-v1-device.js",
                        v1Proto,
                        address,
                        runtime.token(),
                        "commands",
                        "v1",
                        "gw-1");
        HttpResponse<String> sent =
                runtime.post(
                        "/api/v1/tenants/v1/devices/gw-1/commands",
                        "{\"name\": \"reboot\", \"arguments\": {\"delay_seconds\": 5, \"reason\": \"update\"}}");
        assertEquals(201, sent.statusCode(), sent.body());
        String id = RuntimeProcess.JSON.readTree(sent.body()).get("id").asText();
        JsonNode received = NodeGrpcClients.result(device, 60);
        assertEquals(id, received.get("command").get("id").asText(), received.toString());
        assertEquals("reboot", received.get("command").get("name").asText());
        String arguments = received.get("command").get("arguments").toString();
        assertTrue(
                arguments.contains("delay_seconds")
                        && arguments.contains("5")
                        && arguments.contains("update"),
                "the arguments as a google.protobuf.Struct: " + arguments);
        assertTrue(received.get("answered").asBoolean());
        String path = "/api/v1/tenants/v1/devices/gw-1/commands/" + id;
        RuntimeProcess.await(
                "command succeeded",
                Duration.ofSeconds(10),
                () -> runtime.getJson(path).get("state").asText().equals("succeeded"));
        assertEquals("done: reboot", runtime.getJson(path).get("answer").asText());
    }
}
