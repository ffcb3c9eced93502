package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MQTT driver in a demo runtime against Debian's Mosquitto, with {@code mosquitto_pub} and
 * {@code mosquitto_sub} as the devices: driver instances over REST, the three payload formats into
 * storage, malformed payloads, commands, and QoS 1 through a broker restart and a runtime restart.
 */
class MqttDriverIT {
    private static Mosquitto broker;
    private static RuntimeProcess runtime;
    private static Path home;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                Mosquitto.installed(),
                "Debian's mosquitto and mosquitto-clients (.ci/run installs them)");
        broker = Mosquitto.start();
        home = RuntimeProcess.freshHome();
        runtime = RuntimeProcess.start(home, Map.of());
        // restarts come fast here (the default first retry is 1 s)
        assertEquals(
                200,
                runtime.put(
                                "/api/v1/system/configurations/io.armature.core.drivers",
                                "{\"firstRetryMillis\": 200, \"maxRetrySeconds\": 2}")
                        .statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static HttpResponse<String> create(String id, String config) throws Exception {
        return runtime.post(
                "/api/v1/drivers",
                "{\"id\": \"" + id + "\", \"type\": \"mqtt\", \"config\": " + config + "}");
    }

    private static JsonNode driver(String id) throws Exception {
        return runtime.getJson("/api/v1/drivers/" + id);
    }

    private static void awaitRunning(String id) throws InterruptedException {
        RuntimeProcess.await(
                id + " running",
                Duration.ofSeconds(30),
                () -> driver(id).get("state").asText().equals("running"));
    }

    private static String config(String subscriptions, String extra) {
        return "{\"brokerUri\": \""
                + broker.uri()
                + "\", \"subscriptions\": ["
                + subscriptions
                + "]"
                + extra
                + "}";
    }

    @Test
    void typesCarryTheSchemaAndBadConfigurationsAreRefusedAttributeByAttribute() throws Exception {
        JsonNode mqtt = null;
        for (JsonNode type : runtime.getJson("/api/v1/drivers/types").get("types")) {
            if (type.get("type").asText().equals("mqtt")) {
                mqtt = type;
            }
        }
        assertTrue(mqtt != null, "the demo profile has the mqtt driver type");
        assertEquals("io.armature.driver.mqtt", mqtt.get("factory_pid").asText());
        Map<String, JsonNode> attributes = new TreeMap<>();
        mqtt.get("attributes").forEach(a -> attributes.put(a.get("id").asText(), a));
        assertEquals("password", attributes.get("password").get("type").asText());
        assertEquals("[\"1\"]", attributes.get("qos").get("default_value").toString());
        assertEquals(3, attributes.get("qos").get("options").size());

        HttpResponse<String> bad =
                create("bad", "{\"qos\": 5, \"keepAliveSeconds\": 0, \"colour\": \"red\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        Set<String> fields = new HashSet<>();
        RuntimeProcess.JSON
                .readTree(bad.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(
                Set.of("config.qos", "config.keepAliveSeconds", "config.colour"),
                fields,
                bad.body());
        HttpResponse<String> unknownType =
                runtime.post("/api/v1/drivers", "{\"id\": \"x\", \"type\": \"modbus\"}");
        assertEquals(400, unknownType.statusCode());
        assertTrue(unknownType.body().contains("unknown driver type 'modbus'"), unknownType.body());
        assertEquals(404, runtime.get("/api/v1/drivers/bad").statusCode(), "nothing was created");

        // what the schema cannot say, the driver says when it activates: failed, with the reason
        HttpResponse<String> semantic = create("wrong-format", config("\"sensors/+ xml\"", ""));
        assertEquals(201, semantic.statusCode(), semantic.body());
        RuntimeProcess.await(
                "failed with the reason",
                Duration.ofSeconds(10),
                () -> driver("wrong-format").get("state").asText().equals("failed"));
        assertTrue(
                driver("wrong-format").get("last_error").asText().contains("unknown format 'xml'"),
                driver("wrong-format").toString());
        assertEquals(409, create("wrong-format", config("\"a/+ powiot\"", "")).statusCode());
        assertEquals(204, runtime.delete("/api/v1/drivers/wrong-format").statusCode());
        assertEquals(404, runtime.get("/api/v1/drivers/wrong-format").statusCode());
    }

    @Test
    void everyPayloadFormatReachesStorageAndMalformedOnesAreCountedAndDeadLettered()
            throws Exception {
        HttpResponse<String> created =
                create(
                        "house",
                        config(
                                "\"sensors/+ powiot\", \"tenants/{tenant}/json json\","
                                        + " \"tenants/{tenant}/devices/{device}/metrics/{metric} value\"",
                                ", \"deadLetterTopic\": \"armature/dead\", \"username\": \"\","
                                        + " \"password\": \"not-used-by-this-broker\""));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                "********",
                RuntimeProcess.JSON
                        .readTree(created.body())
                        .get("config")
                        .get("password")
                        .asText());
        awaitRunning("house");
        Mosquitto.Subscriber dead = broker.subscribe("armature/dead", 3);

        broker.publish(
                "sensors/mill-sense",
                "{\"measurement\": \"airSensor\", \"tags\": {\"house_id\": \"3\", \"location\": \"Soverom\","
                        + " \"sensor_name\": \"mill-sense\"}, \"fields\": {\"temperature\": 19.7, \"humidity\": 40.3},"
                        + " \"time\": \"2023-05-08T06:00:00\"}");
        Instant now = Instant.now();
        broker.publish(
                "tenants/acme/json",
                "[{\"device\": \"press-1\", \"metric\": \"force\", \"time\": \""
                        + now
                        + "\", \"value\": 12.5, \"unit\": \"kN\"},"
                        + " {\"device\": \"press-1\", \"metric\": \"force\", \"value\": \"high\"}]");
        broker.publish("tenants/acme/devices/oven-2/metrics/temperature", "181.5");
        broker.publish("tenants/acme/json", "{\"device\": \"press-1\", ");
        broker.publish("tenants/acme/devices/oven-2/metrics/temperature", "hot");

        RuntimeProcess.await(
                "powiot sample stored",
                Duration.ofSeconds(20),
                () ->
                        runtime.getJson(
                                        "/api/v1/tenants/3/devices/mill-sense/metrics/temperature/samples"
                                                + "?from=2023-05-08T00:00:00Z&to=2023-05-09T00:00:00Z")
                                .get("samples")
                                .toString()
                                .equals("[{\"time\":\"2023-05-08T06:00:00Z\",\"value\":19.7}]"));
        RuntimeProcess.await(
                "json and value samples stored",
                Duration.ofSeconds(20),
                () ->
                        runtime.getJson("/api/v1/tenants/acme/devices/press-1/latest")
                                        .toString()
                                        .contains("12.5")
                                && runtime.getJson("/api/v1/tenants/acme/devices/oven-2/latest")
                                        .toString()
                                        .contains("181.5"));
        JsonNode metrics = runtime.getJson("/api/v1/tenants/acme/devices/press-1/metrics");
        assertTrue(
                metrics.toString().contains("\"unit\":\"kN\""),
                "the unit of the json payload: " + metrics);

        List<String> deadLetters = dead.await();
        assertEquals(3, deadLetters.size(), deadLetters.toString());
        assertTrue(
                deadLetters.stream().anyMatch(l -> l.equals("armature/dead hot")),
                deadLetters.toString());
        RuntimeProcess.await(
                "rejections counted",
                Duration.ofSeconds(10),
                () -> {
                    JsonNode rejected = driver("house").get("samples_rejected");
                    return rejected.path("malformed_json").asLong() == 1
                            && rejected.path("not_a_number").asLong() == 2;
                });
        JsonNode house = driver("house");
        assertEquals("running", house.get("state").asText(), "bad payloads never stop the driver");
        assertEquals(4, house.get("samples_in").asLong());
        assertTrue(house.get("devices").toString().contains("\"3/mill-sense\""), house.toString());
        assertEquals(204, runtime.delete("/api/v1/drivers/house").statusCode());
    }

    @Test
    void twoInstancesInOneSharedSubscriptionGroupSplitTheStreamWithoutLosingOrDoublingASample()
            throws Exception {
        String shared = "\"$share/armature/shared/{tenant}/{device}/{metric} value\"";
        assertEquals(201, create("shared-a", config(shared, "")).statusCode());
        assertEquals(201, create("shared-b", config(shared, "")).statusCode());
        awaitRunning("shared-a");
        awaitRunning("shared-b");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add(String.valueOf(i));
        }
        // one message per device, so that each sample has its own series and receive time
        for (int d = 0; d < 4; d++) {
            broker.publishLines(
                    "shared/acme/meter-" + d + "/energy", 1, values.subList(d * 50, d * 50 + 50));
        }
        RuntimeProcess.await(
                "every value delivered once across the group",
                Duration.ofSeconds(20),
                () ->
                        driver("shared-a").get("samples_in").asLong()
                                        + driver("shared-b").get("samples_in").asLong()
                                == 200);
        long a = driver("shared-a").get("samples_in").asLong();
        assertTrue(
                a > 0 && a < 200,
                "the broker split the stream between the two instances: " + a + " / " + (200 - a));
        assertEquals(204, runtime.delete("/api/v1/drivers/shared-a").statusCode());
        assertEquals(204, runtime.delete("/api/v1/drivers/shared-b").statusCode());
    }

    @Test
    void anSslBrokerWithAPrivateCaIsReachedThroughTheConfiguredTrustStore() throws Exception {
        int tlsPort = TestCertificates.freePort();
        Path certs = TestCertificates.selfSigned();
        Path trustStore = TestCertificates.trustStore(certs, "trust-store-pw");
        try (Mosquitto tls = Mosquitto.startWithTls(certs, tlsPort)) {
            String subscriptions = "\"tls/{tenant}/{device}/{metric} value\"";
            HttpResponse<String> created =
                    runtime.post(
                            "/api/v1/drivers",
                            "{\"id\": \"tls\", \"type\": \"mqtt\", \"config\": {\"brokerUri\": \"ssl://127.0.0.1:"
                                    + tlsPort
                                    + "\", \"subscriptions\": ["
                                    + subscriptions
                                    + "], \"trustStore\": \""
                                    + trustStore
                                    + "\", \"trustStorePassword\": \"trust-store-pw\"}}");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(
                    "********",
                    RuntimeProcess.JSON
                            .readTree(created.body())
                            .get("config")
                            .get("trustStorePassword")
                            .asText());
            awaitRunning("tls");
            // the plaintext listener of the same broker carries the message to the TLS subscriber
            tls.publish("tls/acme/safe-1/pressure", "2.5");
            RuntimeProcess.await(
                    "value over TLS stored",
                    Duration.ofSeconds(20),
                    () ->
                            runtime.getJson("/api/v1/tenants/acme/devices/safe-1/latest")
                                    .toString()
                                    .contains("2.5"));
            assertEquals(204, runtime.delete("/api/v1/drivers/tls").statusCode());
        }
    }

    @Test
    void aCommandReachesTheDeviceAndItsAnswerEndsIt() throws Exception {
        assertEquals(
                201,
                create(
                                "commands",
                                config(
                                        "\"plant/{tenant}/{device}/{metric} value\"",
                                        ", \"commandReplyTopic\": \"plant/{tenant}/{device}/commands/{command}/reply\","
                                                + " \"commandTopic\": \"plant/{tenant}/{device}/commands/{command}\""))
                        .statusCode());
        awaitRunning("commands");
        broker.publish("plant/acme/valve-7/position", "0.25");
        RuntimeProcess.await(
                "valve owned by the driver",
                Duration.ofSeconds(20),
                () -> driver("commands").get("devices").toString().contains("acme/valve-7"));

        Mosquitto.Subscriber device = broker.subscribe("plant/acme/valve-7/commands/+", 1);
        HttpResponse<String> sent =
                runtime.post(
                        "/api/v1/tenants/acme/devices/valve-7/commands",
                        "{\"name\": \"set_point\", \"arguments\": {\"value\": 21.5}, \"timeout_seconds\": 30}");
        assertEquals(201, sent.statusCode(), sent.body());
        String id = RuntimeProcess.JSON.readTree(sent.body()).get("id").asText();
        List<String> received = device.await();
        assertEquals(1, received.size());
        String line = received.get(0);
        assertTrue(line.startsWith("plant/acme/valve-7/commands/set_point {"), line);
        JsonNode body = RuntimeProcess.JSON.readTree(line.substring(line.indexOf(' ') + 1));
        assertEquals(id, body.get("id").asText());
        assertEquals(21.5, body.get("arguments").get("value").asDouble());
        String commandPath = "/api/v1/tenants/acme/devices/valve-7/commands/" + id;
        assertEquals("delivered", runtime.getJson(commandPath).get("state").asText());

        broker.publish(
                "plant/acme/valve-7/commands/set_point/reply",
                "{\"id\": \"" + id + "\", \"success\": true, \"message\": \"moved to 21.5\"}");
        RuntimeProcess.await(
                "command succeeded",
                Duration.ofSeconds(10),
                () -> runtime.getJson(commandPath).get("state").asText().equals("succeeded"));
        assertEquals("moved to 21.5", runtime.getJson(commandPath).get("answer").asText());
        assertEquals(
                "commands",
                runtime.getJson(commandPath).get("driver").asText().replaceAll(".*~", ""));

        // a device no driver delivered: 409 with the reason; an unknown device: 404
        assertEquals(
                201,
                runtime.post("/api/v1/tenants/acme/devices", "{\"id\": \"manual-1\"}")
                        .statusCode());
        HttpResponse<String> orphan =
                runtime.post(
                        "/api/v1/tenants/acme/devices/manual-1/commands", "{\"name\": \"stop\"}");
        assertEquals(409, orphan.statusCode());
        assertTrue(orphan.body().contains("no driver owns device acme/manual-1"), orphan.body());
        assertEquals(
                404,
                runtime.post("/api/v1/tenants/acme/devices/nobody/commands", "{\"name\": \"stop\"}")
                        .statusCode());
        assertEquals(
                400,
                runtime.post(
                                "/api/v1/tenants/acme/devices/valve-7/commands",
                                "{\"name\": \"x\", \"timeout_seconds\": 0}")
                        .statusCode());
        assertEquals(204, runtime.delete("/api/v1/drivers/commands").statusCode());
    }

    @Test
    void qos1LosesNothingThroughABrokerRestartAndARuntimeRestart() throws Exception {
        assertEquals(
                201, create("durable", config("\"durable/{tenant}/json json\"", "")).statusCode());
        awaitRunning("durable");
        Instant base =
                Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Instant> published = new ArrayList<>();
        publishBatch(base, published, 2_000);

        broker.stop();
        RuntimeProcess.await(
                "driver in backoff while the broker is down",
                Duration.ofSeconds(20),
                () -> driver("durable").get("state").asText().equals("backoff"));
        broker.launch();
        publishBatch(base, published, 2_000);
        awaitRunning("durable");
        assertTrue(
                driver("durable").get("restarts").asInt() >= 1,
                "restarted after the broker came back");

        runtime.stop();
        publishBatch(base, published, 2_000); // queued by the broker for the absent session
        runtime = RuntimeProcess.start(home, Map.of());
        awaitRunning("durable");

        Set<Instant> expected = new HashSet<>(published);
        try {
            RuntimeProcess.await(
                    "every published sample stored",
                    Duration.ofSeconds(60),
                    () -> storedTimes(base).containsAll(expected));
        } catch (AssertionError e) {
            Set<Instant> missing = new java.util.TreeSet<>(expected);
            missing.removeAll(storedTimes(base));
            throw new AssertionError(
                    missing.size()
                            + " of "
                            + expected.size()
                            + " missing, first "
                            + missing.stream().limit(3).toList()
                            + "; driver "
                            + driver("durable")
                            + "\n"
                            + runtime.output(),
                    e);
        }
        assertEquals(6_000, expected.size());
    }

    private static void publishBatch(Instant base, List<Instant> published, int count)
            throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = base.plusMillis(published.size());
            published.add(time);
            lines.add(
                    "{\"device\": \"counter\", \"metric\": \"n\", \"time\": \""
                            + time
                            + "\", \"value\": "
                            + published.size()
                            + "}");
        }
        broker.publishLines("durable/acme/json", 1, lines);
    }

    /** Every distinct stored time of acme/counter/n, read page by page. */
    private static Set<Instant> storedTimes(Instant base) throws Exception {
        Set<Instant> times = new HashSet<>();
        String path =
                "/api/v1/tenants/acme/devices/counter/metrics/n/samples?limit=10000&from="
                        + base.minusSeconds(1)
                        + "&to="
                        + base.plusSeconds(3600);
        String cursor = null;
        do {
            JsonNode page = runtime.getJson(path + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("samples").forEach(s -> times.add(Instant.parse(s.get("time").asText())));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return times;
    }
}
