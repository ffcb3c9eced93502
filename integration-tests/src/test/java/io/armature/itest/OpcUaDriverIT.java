package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The OPC UA driver in a demo runtime against an OPC UA server built with Eclipse Milo's server SDK
 * in the test JVM ({@link MiloTestServer}): ingest of int, double and boolean variables by node id
 * and by browse path, bad and unsupported nodes reported per node, browsing, writes as commands, a
 * server restart mid-subscription, and a Basic256Sha256 SignAndEncrypt session with user name and
 * password after the REST trust step.
 */
class OpcUaDriverIT extends OneRuntimePerClass {
    private static MiloTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MiloTestServer.start(0);
        assertEquals(
                200,
                runtime.put(
                                "/api/v1/system/configurations/io.armature.core.drivers",
                                "{\"firstRetryMillis\": 200, \"maxRetrySeconds\": 2}")
                        .statusCode());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> create(String id, String config) throws Exception {
        return runtime.post(
                "/api/v1/drivers",
                "{\"id\": \"" + id + "\", \"type\": \"opcua\", \"config\": " + config + "}");
    }

    private static JsonNode driver(String id) throws Exception {
        return runtime.getJson("/api/v1/drivers/" + id);
    }

    private static void awaitState(String id, String state) throws InterruptedException {
        RuntimeProcess.await(
                id + " " + state,
                Duration.ofSeconds(30),
                () -> driver(id).get("state").asText().equals(state));
    }

    private static Map<String, JsonNode> nodes(String id) throws Exception {
        Map<String, JsonNode> byMetric = new HashMap<>();
        driver(id)
                .get("details")
                .get("nodes")
                .forEach(n -> byMetric.put(n.get("metric").asText(), n));
        return byMetric;
    }

    private static List<JsonNode> samples(String tenant, String device, String metric)
            throws Exception {
        String from =
                URLEncoder.encode(
                        Instant.now().minusSeconds(3600).toString(), StandardCharsets.UTF_8);
        String to =
                URLEncoder.encode(Instant.now().plusSeconds(60).toString(), StandardCharsets.UTF_8);
        List<JsonNode> result = new ArrayList<>();
        HttpResponse<String> answer =
                runtime.get(
                        "/api/v1/tenants/"
                                + tenant
                                + "/devices/"
                                + device
                                + "/metrics/"
                                + metric
                                + "/samples?limit=10000&from="
                                + from
                                + "&to="
                                + to);
        if (answer.statusCode() != 200) {
            // storage still starting (503) or no sample of the device yet (404)
            return result;
        }
        RuntimeProcess.JSON.readTree(answer.body()).get("samples").forEach(result::add);
        return result;
    }

    @Test
    void variablesFlowIntoStorageAndBadNodesAreReportedPerNode() throws Exception {
        HttpResponse<String> created =
                create(
                        "plc",
                        "{\"endpointUrl\": \""
                                + server.url()
                                + "\", \"tenant\": \"line3\", \"publishingIntervalMillis\": 100,"
                                + " \"samplingIntervalMillis\": 100, \"nodes\": ["
                                + "\"ns=2;s=Machine.Counter press counter\","
                                + "\"/Objects/2:Machine/2:Temperature press temperature unit=°C deadband=0\","
                                + "\"ns=2;s=Machine.Running press running\","
                                + "\"ns=2;s=Machine.Faulty press faulty\","
                                + "\"ns=2;s=Machine.Vibration press vibration\","
                                + "\"ns=2;s=Machine.Label press label\","
                                + "\"ns=2;s=Machine.DoesNotExist press ghost\","
                                + "\"/Objects/2:Machine/2:Nowhere press lost\"]}");
        assertEquals(201, created.statusCode(), created.body());
        awaitState("plc", "running");
        RuntimeProcess.await(
                "int, double and boolean samples stored",
                Duration.ofSeconds(30),
                () ->
                        samples("line3", "press", "counter").size() >= 10
                                && samples("line3", "press", "temperature").size() >= 5
                                && samples("line3", "press", "running").size() >= 2);
        for (JsonNode sample : samples("line3", "press", "running")) {
            double value = sample.get("value").asDouble();
            assertTrue(value == 0.0 || value == 1.0, "booleans become 0 and 1: " + sample);
        }
        RuntimeProcess.await(
                "faulty values counted",
                Duration.ofSeconds(20),
                () -> nodes("plc").get("faulty").get("bad_status_count").asLong() >= 2);
        for (JsonNode sample : samples("line3", "press", "faulty")) {
            assertTrue(
                    sample.get("value").asLong() % 5 != 0,
                    "a value with status Bad_SensorFailure is never stored: " + sample);
        }
        Map<String, JsonNode> nodes = nodes("plc");
        assertEquals("ok", nodes.get("counter").get("state").asText(), nodes.toString());
        assertEquals("source", nodes.get("counter").get("timestamp_source").asText());
        assertEquals(
                "ns=2;s=Machine.Temperature", nodes.get("temperature").get("node_id").asText());
        assertEquals("unsupported", nodes.get("vibration").get("state").asText());
        assertTrue(
                nodes.get("vibration").get("reason").asText().contains("array"), nodes.toString());
        assertEquals("unsupported", nodes.get("label").get("state").asText());
        assertEquals("bad", nodes.get("ghost").get("state").asText());
        assertTrue(
                nodes.get("ghost").get("reason").asText().contains("Bad_NodeIdUnknown"),
                nodes.get("ghost").toString());
        assertEquals("bad", nodes.get("lost").get("state").asText());
        assertTrue(
                nodes.get("lost").get("reason").asText().contains("not found"),
                nodes.get("lost").toString());
        JsonNode view = driver("plc");
        assertTrue(
                view.get("last_error").asText().contains("2 of 8 nodes refused"), view.toString());
        assertTrue(view.get("samples_rejected").has("bad_status"), view.toString());
        assertTrue(view.get("samples_rejected").has("unsupported_value"), view.toString());
        assertTrue(view.get("devices").toString().contains("line3/press"), view.toString());
        RuntimeProcess.await(
                "the mapped unit described",
                Duration.ofSeconds(10),
                () ->
                        runtime.getJson("/api/v1/tenants/line3/devices/press/metrics")
                                .toString()
                                .contains("\"unit\":\"°C\""));
    }

    @Test
    void browsingListsChildrenWithTypesAndValues() throws Exception {
        assertEquals(
                201, create("browser", "{\"endpointUrl\": \"" + server.url() + "\"}").statusCode());
        awaitState("browser", "running");
        JsonNode objects = runtime.getJson("/api/v1/drivers/browser/browse");
        JsonNode machine = null;
        for (JsonNode child : objects.get("children")) {
            if (child.get("browse_name").asText().equals("2:Machine")) {
                machine = child;
            }
        }
        assertNotNull(machine, objects.toString());
        assertEquals("ns=2;s=Machine", machine.get("node_id").asText());
        assertEquals("Object", machine.get("node_class").asText());
        assertTrue(machine.get("has_children").asBoolean());

        JsonNode children =
                runtime.getJson("/api/v1/drivers/browser/browse?node=ns%3D2%3Bs%3DMachine")
                        .get("children");
        Map<String, JsonNode> byName = new HashMap<>();
        children.forEach(c -> byName.put(c.get("display_name").asText(), c));
        assertEquals("Int32", byName.get("Counter").get("data_type").asText(), children.toString());
        assertTrue(byName.get("Counter").get("value").isNumber());
        assertEquals("Good", byName.get("Counter").get("status").asText());
        assertEquals("Boolean", byName.get("Running").get("data_type").asText());
        assertEquals("Variable", byName.get("SetPoint").get("node_class").asText());
        assertTrue(byName.get("Vibration").get("value").isArray());

        assertEquals(
                404,
                runtime.get("/api/v1/drivers/browser/browse?node=ns%3D2%3Bs%3DNope").statusCode());
        HttpResponse<String> bad = runtime.get("/api/v1/drivers/browser/browse?node=not-a-node");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("not-a-node"), bad.body());
        assertEquals(404, runtime.get("/api/v1/drivers/nobody/browse").statusCode());
    }

    @Test
    void commandsWriteNodesAndAnswerWithTheStatusCode() throws Exception {
        assertEquals(
                201,
                create(
                                "writer",
                                "{\"endpointUrl\": \""
                                        + server.url()
                                        + "\", \"tenant\": \"line3\", \"nodes\":"
                                        + " [\"ns=2;s=Machine.SetPoint oven set_point\"],"
                                        + " \"commands\": [\"heat oven ns=2;s=Machine.SetPoint\"]}")
                        .statusCode());
        awaitState("writer", "running");
        String commands = "/api/v1/tenants/line3/devices/oven/commands";
        RuntimeProcess.await(
                "the set point's current value stored",
                Duration.ofSeconds(30),
                () -> !samples("line3", "oven", "set_point").isEmpty());

        JsonNode write =
                command(
                        commands,
                        "{\"name\": \"write\", \"arguments\": {\"node_id\":"
                                + " \"ns=2;s=Machine.SetPoint\", \"value\": 42.5}}",
                        "succeeded");
        assertTrue(write.get("answer").asText().startsWith("Good (0x00000000)"), write.toString());
        RuntimeProcess.await(
                "the server holds the new set point",
                Duration.ofSeconds(10),
                () -> server.state().setPoint == 42.5);
        RuntimeProcess.await(
                "and it is read back as a sample",
                Duration.ofSeconds(20),
                () ->
                        samples("line3", "oven", "set_point").stream()
                                .anyMatch(s -> s.get("value").asDouble() == 42.5));

        command(commands, "{\"name\": \"heat\", \"arguments\": {\"value\": 17}}", "succeeded");
        RuntimeProcess.await(
                "named command written",
                Duration.ofSeconds(10),
                () -> server.state().setPoint == 17.0);

        JsonNode readOnly =
                command(
                        commands,
                        "{\"name\": \"write\", \"arguments\": {\"node_id\":"
                                + " \"ns=2;s=Machine.Counter\", \"value\": 1}}",
                        "failed");
        // Milo answers a write to a read-only variable with Bad_UserAccessDenied, other servers
        // with Bad_NotWritable: the answer carries whichever the server sent
        assertTrue(
                readOnly.get("answer")
                        .asText()
                        .matches(".*(Bad_NotWritable|Bad_UserAccessDenied) \\(0x80.*"),
                readOnly.toString());
        JsonNode wrongType =
                command(
                        commands,
                        "{\"name\": \"write\", \"arguments\": {\"node_id\":"
                                + " \"ns=2;s=Machine.SetPoint\", \"value\": \"hot\"}}",
                        "refused");
        assertTrue(
                wrongType.get("answer").asText().contains("must be a number"),
                wrongType.toString());
        JsonNode unknown = command(commands, "{\"name\": \"open\"}", "refused");
        assertTrue(unknown.get("answer").asText().contains("write, heat"), unknown.toString());
    }

    @Test
    void aServerNotBuiltWithMiloIsBrowsedIngestedAndWritten() throws Exception {
        assumeTrue(NodeOpcUaServer.available(), "node (npm installs node-opcua)");
        try (NodeOpcUaServer boiler = NodeOpcUaServer.start()) {
            assertEquals(
                    201,
                    create(
                                    "boiler",
                                    "{\"endpointUrl\": \""
                                            + boiler.url()
                                            + "\", \"tenant\": \"plant\", \"publishingIntervalMillis\": 200,"
                                            + " \"nodes\": [\"ns=1;s=Boiler.Pressure boiler pressure unit=bar\","
                                            + " \"/Objects/1:Boiler/1:Cycles boiler cycles\","
                                            + " \"ns=1;s=Boiler.Burner boiler burner\"],"
                                            + " \"commands\": [\"set_temperature boiler ns=1;s=Boiler.Setpoint\"]}")
                            .statusCode());
            awaitState("boiler", "running");
            JsonNode objects = runtime.getJson("/api/v1/drivers/boiler/browse").get("children");
            assertTrue(
                    objects.toString().contains("\"node_id\":\"ns=1;s=Boiler\""),
                    objects.toString());
            JsonNode children =
                    runtime.getJson("/api/v1/drivers/boiler/browse?node=ns%3D1%3Bs%3DBoiler")
                            .get("children");
            Map<String, JsonNode> byName = new HashMap<>();
            children.forEach(c -> byName.put(c.get("browse_name").asText(), c));
            assertEquals(
                    "Double",
                    byName.get("1:Pressure").get("data_type").asText(),
                    children.toString());
            assertEquals("UInt32", byName.get("1:Cycles").get("data_type").asText());
            RuntimeProcess.await(
                    "node-opcua values stored",
                    Duration.ofSeconds(30),
                    () ->
                            samples("plant", "boiler", "pressure").size() >= 3
                                    && samples("plant", "boiler", "cycles").size() >= 3
                                    && !samples("plant", "boiler", "burner").isEmpty());
            assertEquals("ok", nodes("boiler").get("cycles").get("state").asText());
            JsonNode written =
                    command(
                            "/api/v1/tenants/plant/devices/boiler/commands",
                            "{\"name\": \"set_temperature\", \"arguments\": {\"value\": 71.5}}",
                            "succeeded");
            assertTrue(written.get("answer").asText().startsWith("Good"), written.toString());
            JsonNode after =
                    runtime.getJson("/api/v1/drivers/boiler/browse?node=ns%3D1%3Bs%3DBoiler")
                            .get("children");
            boolean readBack = false;
            for (JsonNode child : after) {
                if (child.get("browse_name").asText().equals("1:Setpoint")) {
                    readBack = child.get("value").asDouble() == 71.5;
                }
            }
            assertTrue(readBack, "the new set point is read back: " + after);
            assertEquals(204, runtime.delete("/api/v1/drivers/boiler").statusCode());
        }
    }

    @Test
    void theClientCertificateIsAnIdentityAndTrustCanBePinnedAhead() throws Exception {
        String thumbprint = server.thumbprint();
        assertEquals(
                201,
                create(
                                "x509",
                                "{\"endpointUrl\": \""
                                        + server.url()
                                        + "\", \"securityPolicy\": \"Basic256Sha256\", \"securityMode\":"
                                        + " \"SignAndEncrypt\", \"identity\": \"certificate\","
                                        + " \"trustedCertificates\": [\""
                                        + thumbprint
                                        + "\"], \"tenant\": \"line7\", \"nodes\":"
                                        + " [\"ns=2;s=Machine.Counter saw counter\"]}")
                        .statusCode());
        awaitState("x509", "running");
        String client =
                runtime.getJson("/api/v1/drivers/x509/certificates")
                        .get("client")
                        .get("thumbprint")
                        .asText();
        assertTrue(
                server.x509Users().contains(client),
                "the session was activated with the runtime's client certificate " + client);
        RuntimeProcess.await(
                "samples with the X.509 identity",
                Duration.ofSeconds(30),
                () -> !samples("line7", "saw", "counter").isEmpty());
    }

    @Test
    void theConsoleShowsNodeHealthBrowsesAndTrustsTheServerCertificate() throws Exception {
        assumeTrue(Chromium.available(), "Debian's chromium and chromium-driver");
        assertEquals(
                201,
                create(
                                "console-plc",
                                "{\"endpointUrl\": \""
                                        + server.url()
                                        + "\", \"securityPolicy\": \"Basic256Sha256\", \"securityMode\":"
                                        + " \"SignAndEncrypt\", \"tenant\": \"line6\", \"nodes\":"
                                        + " [\"ns=2;s=Machine.Temperature kiln temperature\"]}")
                        .statusCode());
        awaitState("console-plc", "backoff");
        String password =
                java.nio.file.Files.readString(
                                runtime.home().resolve("data/secrets/admin.password"))
                        .strip();
        try (Chromium browser = Chromium.start(1280, 1000)) {
            browser.open(runtime.baseUrl() + "/console/#/login");
            browser.find("input[name=user]").sendKeys("admin");
            browser.find("input[name=password]").sendKeys(password);
            browser.find("form.login-form button[type=submit]").click();
            browser.await("logged in", d -> !d.getCurrentUrl().contains("#/login"));
            browser.open(runtime.baseUrl() + "/console/#/drivers/console-plc");
            browser.awaitHeading("Driver console-plc");
            String thumbprint = server.thumbprint();
            browser.screenshot("opcua-driver-untrusted");
            browser.find("#driver-certificates tr[data-thumbprint='" + thumbprint + "'] button")
                    .click();
            browser.await(
                            "confirmation asked",
                            org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent())
                    .accept();
            awaitState("console-plc", "running");
            browser.await(
                    "trusted after the reload",
                    d ->
                            d.findElement(
                                            By.cssSelector(
                                                    "#driver-certificates tr[data-thumbprint='"
                                                            + thumbprint
                                                            + "']"))
                                    .getText()
                                    .contains("trusted"));
            browser.open(runtime.baseUrl() + "/console/#/drivers/console-plc");
            browser.awaitHeading("Driver console-plc");
            browser.await(
                    "node health shown",
                    d ->
                            d.findElement(By.cssSelector("#driver-nodes tbody"))
                                    .getText()
                                    .contains("line6/kiln/temperature"));
            browser.find("#driver-browse button").click();
            browser.await(
                            "the Objects folder listed",
                            d ->
                                    d
                                            .findElements(
                                                    By.xpath(
                                                            "//section[@id='driver-browse']//button[@class='link'"
                                                                    + " and normalize-space()='2:Machine']"))
                                            .stream()
                                            .findFirst()
                                            .orElse(null))
                    .click();
            browser.await(
                    "the Machine folder's variables",
                    d ->
                            d.findElement(By.id("driver-browse"))
                                    .getText()
                                    .contains("ns=2;s=Machine.SetPoint"));
            browser.screenshot("opcua-driver");
            assertEquals(List.of(), browser.severeConsoleEntries());

            // an operator sees the same page without the configuration form, and may browse
            assertEquals(
                    201,
                    runtime.post(
                                    "/api/v1/users",
                                    "{\"name\":\"olga\",\"password\":\"an operator's long password\","
                                            + "\"grants\":[{\"role\":\"operator\",\"tenant\":null}]}")
                            .statusCode());
            browser.driver.manage().deleteAllCookies();
            browser.open(runtime.baseUrl() + "/console/#/login");
            browser.find("input[name=user]").sendKeys("olga");
            browser.find("input[name=password]").sendKeys("an operator's long password");
            browser.find("form.login-form button[type=submit]").click();
            browser.await("operator logged in", d -> !d.getCurrentUrl().contains("#/login"));
            browser.open(runtime.baseUrl() + "/console/#/drivers/console-plc");
            browser.awaitHeading("Driver console-plc");
            browser.await(
                    "node health for the operator",
                    d ->
                            d.findElement(By.cssSelector("#driver-nodes tbody"))
                                    .getText()
                                    .contains("line6/kiln"));
            assertTrue(
                    browser.driver.findElements(By.cssSelector("main form")).isEmpty(), "no form");
            assertTrue(
                    browser.driver
                            .findElements(By.cssSelector("#driver-certificates button"))
                            .isEmpty(),
                    "no trust buttons for an operator");
            browser.find("#driver-browse button").click();
            browser.await(
                    "the operator browses",
                    d -> d.findElement(By.id("driver-browse")).getText().contains("2:Machine"));
            assertEquals(List.of(), browser.severeConsoleEntries());
        }
    }

    private static JsonNode command(String path, String body, String finalState) throws Exception {
        HttpResponse<String> sent = runtime.post(path, body);
        assertEquals(201, sent.statusCode(), sent.body());
        String id = RuntimeProcess.JSON.readTree(sent.body()).get("id").asText();
        RuntimeProcess.await(
                "command " + finalState,
                Duration.ofSeconds(20),
                () -> runtime.getJson(path + "/" + id).get("state").asText().equals(finalState));
        return runtime.getJson(path + "/" + id);
    }

    @Test
    void aServerRestartIsSurvivedWithoutDuplicates() throws Exception {
        assertEquals(
                201,
                create(
                                "restarts",
                                "{\"endpointUrl\": \""
                                        + server.url()
                                        + "\", \"tenant\": \"line4\", \"publishingIntervalMillis\": 100,"
                                        + " \"nodes\": [\"ns=2;s=Machine.Running drill running\","
                                        + " \"ns=2;s=Machine.Counter drill counter\"]}")
                        .statusCode());
        awaitState("restarts", "running");
        RuntimeProcess.await(
                "samples before the restart",
                Duration.ofSeconds(20),
                () -> samples("line4", "drill", "running").size() >= 2);
        int restartsBefore = driver("restarts").get("restarts").asInt();
        server.restart();
        RuntimeProcess.await(
                "reconnected after the server restart",
                Duration.ofSeconds(60),
                () ->
                        driver("restarts").get("restarts").asInt() > restartsBefore
                                && driver("restarts").get("state").asText().equals("running"));
        Instant reconnected = Instant.now();
        RuntimeProcess.await(
                "samples after the restart",
                Duration.ofSeconds(30),
                () ->
                        samples("line4", "drill", "counter").stream()
                                        .filter(
                                                s ->
                                                        Instant.parse(s.get("time").asText())
                                                                .isAfter(reconnected))
                                        .count()
                                >= 5);
        for (String metric : List.of("running", "counter")) {
            List<JsonNode> stored = samples("line4", "drill", metric);
            Set<String> times = new HashSet<>();
            for (JsonNode sample : stored) {
                assertTrue(
                        times.add(sample.get("time").asText()),
                        metric
                                + ": a value re-sent after re-subscribing is stored once: "
                                + sample);
            }
        }
    }

    @Test
    void aSecuredSessionNeedsTheTrustStepAndTheRightPassword() throws Exception {
        String secure =
                "{\"endpointUrl\": \""
                        + server.url()
                        + "\", \"securityPolicy\": \"Basic256Sha256\", \"securityMode\":"
                        + " \"SignAndEncrypt\", \"identity\": \"username\", \"username\": \""
                        + MiloTestServer.USER
                        + "\", \"password\": \"%s\", \"tenant\": \"line5\", \"nodes\":"
                        + " [\"ns=2;s=Machine.Counter mixer counter\"]}";
        assertEquals(
                201, create("secure", String.format(secure, MiloTestServer.PASSWORD)).statusCode());
        awaitState("secure", "backoff");
        JsonNode refused = driver("secure");
        assertTrue(
                refused.get("last_error").asText().contains("is not trusted"), refused.toString());
        String thumbprint = server.thumbprint();
        assertTrue(refused.get("last_error").asText().contains(thumbprint), refused.toString());

        JsonNode certificates = runtime.getJson("/api/v1/drivers/secure/certificates");
        JsonNode seen = certificates.get("server").get(0);
        assertEquals(thumbprint, seen.get("thumbprint").asText(), certificates.toString());
        assertFalse(seen.get("trusted").asBoolean());
        assertEquals("not trusted", seen.get("problem").asText());
        assertTrue(seen.get("pem").asText().startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(
                certificates.get("client").get("application_uri").asText().startsWith("urn:"),
                certificates.toString());

        assertEquals(
                404,
                runtime.post(
                                "/api/v1/drivers/secure/certificates/" + "ab".repeat(20) + "/trust",
                                "")
                        .statusCode());
        assertEquals(
                400,
                runtime.post("/api/v1/drivers/secure/certificates/xyz/trust", "").statusCode());
        HttpResponse<String> trusted =
                runtime.post("/api/v1/drivers/secure/certificates/" + thumbprint + "/trust", "");
        assertEquals(200, trusted.statusCode(), trusted.body());
        awaitState("secure", "running");
        assertTrue(
                driver("secure")
                        .get("config")
                        .get("trustedCertificates")
                        .toString()
                        .contains(thumbprint));
        assertEquals(
                "SignAndEncrypt", driver("secure").get("details").get("security_mode").asText());
        RuntimeProcess.await(
                "samples over the encrypted session",
                Duration.ofSeconds(30),
                () -> samples("line5", "mixer", "counter").size() >= 3);

        HttpResponse<String> wrongPassword =
                create(
                        "secure-wrong",
                        String.format(secure, "not-the-password")
                                .replace(
                                        "\"nodes\"",
                                        "\"trustedCertificates\": [\""
                                                + thumbprint
                                                + "\"], \"nodes\""));
        assertEquals(201, wrongPassword.statusCode(), wrongPassword.body());
        awaitState("secure-wrong", "backoff");
        String error = driver("secure-wrong").get("last_error").asText();
        assertTrue(
                error.contains("Bad_UserAccessDenied")
                        || error.contains("Bad_IdentityTokenRejected")
                        || error.contains("Bad_IdentityTokenInvalid"),
                error);
    }
}
