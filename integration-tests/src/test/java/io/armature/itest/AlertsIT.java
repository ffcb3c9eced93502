package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alerting in the demo runtime over REST: threshold rules (pending period, hysteresis, keep-firing)
 * fire and clear at the right samples, rules are validated, operators acknowledge, comment and
 * clear, a slow rule lags without missing a sample, and a crash neither re-fires an alert nor
 * forgets a pending breach.
 */
class AlertsIT extends OneRuntimePerClass {
    private static final Instant BASE =
            Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return RuntimeProcess.JSON.readTree(response.body());
    }

    private static void rule(String id, String severity, String config) throws Exception {
        json(
                runtime.post(
                        "/api/v1/tenants/demo/alert-rules",
                        "{\"id\":\""
                                + id
                                + "\",\"type\":\"threshold\",\"severity\":\""
                                + severity
                                + "\",\"config\":"
                                + config
                                + "}"),
                201);
        RuntimeProcess.await(
                "rule " + id + " evaluated",
                Duration.ofSeconds(20),
                () ->
                        "active"
                                        .equals(
                                                runtime.getJson(
                                                                "/api/v1/tenants/demo/alert-rules/"
                                                                        + id)
                                                        .get("state")
                                                        .asText())
                                && evaluated(id));
    }

    /** Whether the engine evaluates the demo rule now. */
    private static boolean evaluated(String id) throws Exception {
        return alertsHealth().get("evaluated_rules").toString().contains("\"demo/" + id + "\"");
    }

    /** Posts samples {device, metric, seconds after BASE, value} and waits until rules saw them. */
    private static void samples(String device, String metric, double[][] secondsAndValues)
            throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (double[] sample : secondsAndValues) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"device\":\"")
                    .append(device)
                    .append("\",\"metric\":\"")
                    .append(metric)
                    .append("\",\"time\":\"")
                    .append(BASE.plusMillis((long) (sample[0] * 1000)))
                    .append("\",\"value\":")
                    .append(sample[1])
                    .append('}');
        }
        JsonNode answer =
                json(
                        runtime.post("/api/v1/tenants/demo/samples", body.append(']').toString()),
                        200);
        assertEquals(secondsAndValues.length, answer.get("accepted").asInt(), answer.toString());
        awaitEngineCaughtUp();
    }

    /** The engine has passed every record in the feed (including those just acknowledged). */
    private static void awaitEngineCaughtUp() throws InterruptedException {
        RuntimeProcess.await(
                "the alert engine caught up with the feed",
                Duration.ofSeconds(60),
                () -> alertsConsumer().get("lag_records").asLong() == 0);
    }

    private static JsonNode alertsConsumer() throws Exception {
        for (JsonNode check : runtime.getJson("/health").get("checks")) {
            if (check.get("name").asText().equals("ingest")) {
                for (JsonNode consumer : check.get("data").get("durable_consumers")) {
                    if (consumer.get("id").asText().equals("alerts")) {
                        return consumer;
                    }
                }
            }
        }
        throw new AssertionError("no durable consumer 'alerts' in /health");
    }

    private static JsonNode alertsHealth() throws Exception {
        for (JsonNode check : runtime.getJson("/health").get("checks")) {
            if (check.get("name").asText().equals("alerts")) {
                return check.get("data");
            }
        }
        throw new AssertionError("no alerts check in /health");
    }

    private static List<JsonNode> alerts(String query) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        runtime.getJson("/api/v1/tenants/demo/alerts?" + query).get("alerts").forEach(found::add);
        return found;
    }

    private static String at(int seconds) {
        return BASE.plusSeconds(seconds).toString();
    }

    @Test
    void aThresholdFiresAfterItsPendingPeriodHoldsThroughHysteresisAndClearsBelowTheClearLevel()
            throws Exception {
        rule(
                "oven-hot",
                "major",
                "{\"devices\":[\"oven-1\"],\"metrics\":[\"temperature\"],\"threshold\":80,"
                        + "\"clearThreshold\":\"75\",\"forSeconds\":5}");
        samples("oven-1", "temperature", new double[][] {{0, 85}, {1, 86}});
        assertEquals(List.of(), alerts("device=oven-1"), "still pending");
        samples("oven-1", "temperature", new double[][] {{5, 87}});
        List<JsonNode> open = alerts("device=oven-1");
        assertEquals(1, open.size(), open.toString());
        JsonNode alert = open.get(0);
        assertEquals("active_unack", alert.get("state").asText());
        assertEquals("major", alert.get("severity").asText());
        assertEquals(87.0, alert.get("trigger_value").asDouble());
        assertEquals(at(0), alert.get("triggered_at").asText());
        assertEquals(at(5), alert.get("created_at").asText());
        assertEquals("temperature 87 > 80 (clears below 75)", alert.get("message").asText());

        samples("oven-1", "temperature", new double[][] {{6, 78}, {7, 76}});
        alert = alerts("device=oven-1").get(0);
        assertTrue(alert.get("active").asBoolean(), "between the thresholds it holds: " + alert);
        assertEquals(76.0, alert.get("last_value").asDouble());
        samples("oven-1", "temperature", new double[][] {{8, 74}, {9, 90}, {10, 91}});
        List<JsonNode> all = alerts("device=oven-1");
        assertEquals(1, all.size(), "cleared at 74, a new breach pends again: " + all);
        JsonNode cleared = all.get(0);
        assertEquals("cleared_unack", cleared.get("state").asText());
        assertEquals(at(8), cleared.get("cleared_at").asText());
        assertEquals("rule", cleared.get("cleared_by").asText());
        assertEquals(74.0, cleared.get("last_value").asDouble());
        samples("oven-1", "temperature", new double[][] {{14, 92}});
        JsonNode again = alerts("device=oven-1&state=active").get(0);
        assertEquals(at(9), again.get("triggered_at").asText());
        assertEquals(92.0, again.get("trigger_value").asDouble());
    }

    @Test
    void aBreachWithinTheKeepFiringPeriodRetriggersTheSameAlert() throws Exception {
        rule(
                "valve-low",
                "critical",
                "{\"devices\":[\"valve-*\"],\"metrics\":[\"pressure\"],\"operator\":\"<\","
                        + "\"threshold\":2.5,\"keepFiringSeconds\":5}");
        samples(
                "valve-7",
                "pressure",
                new double[][] {
                    {0, 2.0}, {1, 3.0}, {2, 1.5}, {3, 3.1}, {7, 3.2}, {8, 3.3}, {9, 3.0}
                });
        List<JsonNode> found = alerts("device=valve-7");
        assertEquals(1, found.size(), found.toString());
        JsonNode alert = found.get(0);
        assertEquals(2, alert.get("count").asInt(), alert.toString());
        assertEquals(2.0, alert.get("trigger_value").asDouble());
        assertEquals(at(8), alert.get("cleared_at").asText(), "5 s after the condition ended at 3");
        JsonNode detail =
                runtime.getJson("/api/v1/tenants/demo/alerts/" + alert.get("id").asText());
        List<String> kinds = new ArrayList<>();
        detail.get("events").forEach(e -> kinds.add(e.get("kind").asText()));
        assertEquals(List.of("opened", "retriggered", "cleared"), kinds);
        assertEquals(1, alerts("severity=critical&state=cleared_unack&device=valve-7").size());
        assertEquals(0, alerts("severity=minor&device=valve-7").size());
    }

    @Test
    void rulesAreValidatedListedUpdatedAndDeletedWithTheirAlerts() throws Exception {
        JsonNode types = runtime.getJson("/api/v1/alert-rules/types").get("types");
        JsonNode threshold = null;
        for (JsonNode type : types) {
            if (type.get("type").asText().equals("threshold")) {
                threshold = type;
            }
        }
        assertTrue(threshold != null, types.toString());
        List<String> attributes = new ArrayList<>();
        threshold.get("attributes").forEach(a -> attributes.add(a.get("id").asText()));
        assertTrue(
                attributes.containsAll(
                        List.of("threshold", "clearThreshold", "forSeconds", "metrics")),
                attributes.toString());

        JsonNode bad =
                json(
                        runtime.post(
                                "/api/v1/tenants/demo/alert-rules",
                                "{\"id\":\"x y\",\"type\":\"threshold\",\"severity\":\"urgent\","
                                        + "\"config\":{\"threshold\":\"hot\",\"forSeconds\":-1,"
                                        + "\"tenant\":\"other\"},\"colour\":1}"),
                        400);
        List<String> fields = new ArrayList<>();
        bad.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(
                fields.containsAll(
                        List.of(
                                "colour",
                                "id",
                                "severity",
                                "config.tenant",
                                "config.threshold",
                                "config.forSeconds")),
                bad.toString());
        assertEquals(404, runtime.post("/api/v1/tenants/nowhere/alert-rules", "{}").statusCode());

        rule(
                "hall-warm",
                "warning",
                "{\"metrics\":[\"temperature\"],\"devices\":[\"hall\"],\"threshold\":30}");
        HttpResponse<String> wrongSide =
                runtime.put(
                        "/api/v1/tenants/demo/alert-rules/hall-warm",
                        "{\"severity\":\"warning\",\"config\":{\"metrics\":[\"temperature\"],"
                                + "\"devices\":[\"hall\"],\"threshold\":30,\"clearThreshold\":\"35\"}}");
        assertEquals(200, wrongSide.statusCode(), wrongSide.body());
        RuntimeProcess.await(
                "the rule with a clear threshold above its threshold fails",
                Duration.ofSeconds(20),
                () ->
                        runtime.getJson("/api/v1/tenants/demo/alert-rules/hall-warm")
                                .get("last_error")
                                .asText()
                                .contains(
                                        "clearThreshold: 35 must be at or below the threshold 30"));
        json(
                runtime.put(
                        "/api/v1/tenants/demo/alert-rules/hall-warm",
                        "{\"severity\":\"minor\",\"config\":{\"metrics\":[\"temperature\"],"
                                + "\"devices\":[\"hall\"],\"threshold\":30,\"clearThreshold\":\"28\"}}"),
                200);
        RuntimeProcess.await(
                "the corrected rule runs",
                Duration.ofSeconds(20),
                () ->
                        "active"
                                .equals(
                                        runtime.getJson(
                                                        "/api/v1/tenants/demo/alert-rules/hall-warm")
                                                .get("state")
                                                .asText()));
        List<String> ids = new ArrayList<>();
        runtime.getJson("/api/v1/tenants/demo/alert-rules")
                .get("rules")
                .forEach(r -> ids.add(r.get("id").asText()));
        assertTrue(ids.contains("hall-warm"), ids.toString());
        RuntimeProcess.await(
                "the engine has the corrected rule",
                Duration.ofSeconds(20),
                () -> evaluated("hall-warm"));
        samples("hall", "temperature", new double[][] {{0, 31}});
        assertEquals(1, alerts("device=hall&state=active").size());
        assertEquals("minor", alerts("device=hall").get(0).get("severity").asText());

        assertEquals(
                204, runtime.delete("/api/v1/tenants/demo/alert-rules/hall-warm").statusCode());
        RuntimeProcess.await(
                "the deleted rule's alert clears",
                Duration.ofSeconds(20),
                () -> alerts("device=hall&state=active").isEmpty());
        assertEquals("rule deleted", alerts("device=hall").get(0).get("cleared_by").asText());
        assertEquals(404, runtime.get("/api/v1/tenants/demo/alert-rules/hall-warm").statusCode());
    }

    @Test
    void operatorsAcknowledgeCommentAndClearAndAClearedBreachWaitsForTheConditionToEnd()
            throws Exception {
        rule(
                "tank-full",
                "minor",
                "{\"devices\":[\"tank-1\"],\"metrics\":[\"level\"],\"threshold\":90}");
        samples("tank-1", "level", new double[][] {{0, 95}});
        String id = alerts("device=tank-1").get(0).get("id").asText();
        String path = "/api/v1/tenants/demo/alerts/" + id;

        assertEquals(401, Http.send(runtime, null, "POST", path + "/ack", null).statusCode());
        JsonNode acked = json(runtime.post(path + "/ack", ""), 200);
        assertEquals("active_ack", acked.get("state").asText());
        assertEquals("admin", acked.get("acknowledged_by").asText());
        assertTrue(acked.get("changed").asBoolean());
        assertFalse(
                json(runtime.post(path + "/ack", ""), 200).get("changed").asBoolean(),
                "moot twice");
        json(runtime.post(path + "/comments", "{\"text\":\"pump 2 is off for service\"}"), 201);
        JsonNode empty = json(runtime.post(path + "/comments", "{\"text\":\"  \"}"), 400);
        assertEquals("text", empty.get("errors").get(0).get("field").asText());
        assertEquals(404, runtime.post("/api/v1/tenants/demo/alerts/999999/ack", "").statusCode());
        assertEquals(404, runtime.post("/api/v1/tenants/demo/alerts/abc/ack", "").statusCode());

        JsonNode cleared = json(runtime.post(path + "/clear", ""), 200);
        assertEquals("cleared_ack", cleared.get("state").asText());
        assertEquals("admin", cleared.get("cleared_by").asText());
        samples("tank-1", "level", new double[][] {{1, 96}, {2, 97}});
        assertEquals(1, alerts("device=tank-1").size(), "still breaching: no new alert at once");
        samples("tank-1", "level", new double[][] {{3, 50}, {4, 93}});
        List<JsonNode> both = alerts("device=tank-1");
        assertEquals(2, both.size(), "after the condition ended, a new breach raises again");
        assertEquals(93.0, both.get(0).get("trigger_value").asDouble());

        JsonNode detail = runtime.getJson(path);
        List<String> history = new ArrayList<>();
        detail.get("events")
                .forEach(e -> history.add(e.get("kind").asText() + ":" + e.get("by").asText()));
        assertEquals(
                List.of("opened:rule", "acknowledged:admin", "commented:admin", "cleared:admin"),
                history);
        assertEquals(
                "pump 2 is off for service", detail.get("events").get(2).get("comment").asText());

        JsonNode badQuery =
                json(runtime.get("/api/v1/tenants/demo/alerts?state=open&limit=0&from=today"), 400);
        assertEquals(3, badQuery.get("errors").size(), badQuery.toString());
        JsonNode page = runtime.getJson("/api/v1/tenants/demo/alerts?limit=1&device=tank-1");
        assertEquals(1, page.get("alerts").size());
        JsonNode next =
                runtime.getJson(
                        "/api/v1/tenants/demo/alerts?limit=1&device=tank-1&before="
                                + page.get("next_before").asText());
        assertEquals(id, next.get("alerts").get(0).get("id").asText());
        assertTrue(next.get("next_before").isNull());
    }

    @Test
    void aSlowRuleLagsAndCatchesUpWithoutMissingASample() throws Exception {
        Files.copy(
                Deployables.probe(),
                runtime.deploy().resolve("probe.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        RuntimeProcess.await(
                "the slow rule type is listed",
                Duration.ofSeconds(60),
                () ->
                        runtime.getJson("/api/v1/alert-rules/types")
                                .toString()
                                .contains("itest-slow"));
        int count = 3_000;
        json(
                runtime.post(
                        "/api/v1/tenants/demo/alert-rules",
                        "{\"id\":\"slow-count\",\"type\":\"itest-slow\",\"severity\":\"info\","
                                + "\"config\":{\"metrics\":[\"load\"],\"delayMillis\":2,\"expected\":"
                                + count
                                + "}}"),
                201);
        RuntimeProcess.await(
                "the engine evaluates the slow rule",
                Duration.ofSeconds(20),
                () -> evaluated("slow-count"));
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"device\":\"mill-1\",\"metric\":\"load\",\"time\":\"")
                    .append(BASE.plusMillis(i * 10L))
                    .append("\",\"value\":")
                    .append(i % 100)
                    .append('}');
        }
        long evaluationsBefore = alertsHealth().get("evaluations").asLong();
        json(runtime.post("/api/v1/tenants/demo/samples", body.append(']').toString()), 200);
        JsonNode lagging = alertsConsumer();
        assertTrue(
                lagging.get("lag_samples").asLong() > 0,
                "3,000 samples at 2 ms each take 6 s: the engine must be behind now: " + lagging);
        RuntimeProcess.await(
                "the slow rule saw every sample",
                Duration.ofSeconds(120),
                () -> alerts("device=mill-1&state=active").size() == 1);
        JsonNode alert = alerts("device=mill-1").get(0);
        assertEquals(count, alert.get("trigger_value").asInt(), alert.toString());
        assertEquals(
                BASE.plusMillis((count - 1) * 10L).toString(), alert.get("triggered_at").asText());
        awaitEngineCaughtUp();
        assertTrue(alertsHealth().get("evaluations").asLong() - evaluationsBefore >= count);
        assertEquals(0, alertsConsumer().get("missed_samples").asLong());
        assertEquals(
                204, runtime.delete("/api/v1/tenants/demo/alert-rules/slow-count").statusCode());
    }

    @Test
    void aCrashNeitherRefiresAnAlertNorForgetsAPendingBreach() throws Exception {
        rule(
                "dryer-hot",
                "major",
                "{\"devices\":[\"dryer-1\"],\"metrics\":[\"temperature\"],\"threshold\":60}");
        rule(
                "kiln-hot",
                "major",
                "{\"devices\":[\"kiln-1\"],\"metrics\":[\"temperature\"],\"threshold\":900,"
                        + "\"forSeconds\":60}");
        samples("dryer-1", "temperature", new double[][] {{0, 70}, {1, 71}});
        samples("kiln-1", "temperature", new double[][] {{0, 950}, {10, 960}});
        String dryerAlert = alerts("device=dryer-1").get(0).get("id").asText();
        assertEquals(List.of(), alerts("device=kiln-1"));

        runtime.kill();
        runtime = RuntimeProcess.start(runtime.home(), Map.of());
        samples("dryer-1", "temperature", new double[][] {{20, 72}});
        samples("kiln-1", "temperature", new double[][] {{30, 955}});
        List<JsonNode> dryer = alerts("device=dryer-1");
        assertEquals(1, dryer.size(), "no second alert after the restart: " + dryer);
        assertEquals(dryerAlert, dryer.get(0).get("id").asText());
        assertEquals(1, dryer.get(0).get("count").asInt(), "not re-triggered: " + dryer);
        assertEquals(72.0, dryer.get(0).get("last_value").asDouble());
        assertEquals(List.of(), alerts("device=kiln-1"), "pending 30 s of 60");
        samples("kiln-1", "temperature", new double[][] {{61, 958}});
        JsonNode kiln = alerts("device=kiln-1").get(0);
        assertEquals(
                at(0),
                kiln.get("triggered_at").asText(),
                "the pending breach began before the crash");
        assertEquals(at(61), kiln.get("created_at").asText());
    }

    private static void typedRule(String id, String type, String config) throws Exception {
        json(
                runtime.post(
                        "/api/v1/tenants/demo/alert-rules",
                        "{\"id\":\""
                                + id
                                + "\",\"type\":\""
                                + type
                                + "\",\"severity\":\"warning\",\"config\":"
                                + config
                                + "}"),
                201);
        RuntimeProcess.await(
                "rule " + id + " evaluated", Duration.ofSeconds(20), () -> evaluated(id));
    }

    private static JsonNode command(String device, String body) throws Exception {
        return json(
                runtime.post("/api/v1/tenants/demo/devices/" + device + "/commands", body), 201);
    }

    @Test
    void aDeviationRuleCatchesASpikeInjectedIntoTheSimulatedPressAtTheSpikedSample()
            throws Exception {
        typedRule(
                "press-oil-spike",
                "deviation",
                "{\"devices\":[\"press-1\"],\"metrics\":[\"press.temperature\"],\"sigmas\":6,"
                        + "\"windowSamples\":30,\"minSamples\":10,\"minDeviation\":10}");
        awaitSimulatedSamples("press.temperature", Instant.now(), 14);
        assertEquals(List.of(), alerts("device=press-1&rule=press-oil-spike"), "no spike yet");
        command("press-1", "{\"name\":\"inject_spike\",\"arguments\":{\"value\":60}}");
        RuntimeProcess.await(
                "the spike raised an alert",
                Duration.ofSeconds(30),
                () -> !alerts("device=press-1&rule=press-oil-spike").isEmpty());
        JsonNode alert = alerts("device=press-1&rule=press-oil-spike").get(0);
        assertEquals("press.temperature", alert.get("metric").asText());
        JsonNode stored =
                runtime.getJson(
                        "/api/v1/tenants/demo/devices/press-1/metrics/press.temperature/samples?from="
                                + Instant.parse(alert.get("triggered_at").asText()).minusSeconds(30)
                                + "&to="
                                + Instant.parse(alert.get("triggered_at").asText()).plusMillis(1));
        JsonNode samples = stored.get("samples");
        JsonNode spiked = samples.get(samples.size() - 1);
        assertEquals(
                alert.get("triggered_at").asText(), spiked.get("time").asText(), stored.toString());
        assertEquals(spiked.get("value").asDouble(), alert.get("trigger_value").asDouble());
        double before = samples.get(samples.size() - 2).get("value").asDouble();
        assertTrue(spiked.get("value").asDouble() - before > 40, "the stored spike: " + stored);
        assertTrue(alert.get("message").asText().contains("σ from its mean"), alert.toString());
    }

    @Test
    void aNoDataRuleFiresWhileTheSimulatedPressIsPausedAndClearsWhenItResumes() throws Exception {
        typedRule(
                "press-silent",
                "no_data",
                "{\"devices\":[\"press-1\"],\"metrics\":[\"press.force\"],\"silenceSeconds\":3}");
        awaitSimulatedSamples("press.force", Instant.now(), 2);
        assertEquals(List.of(), alerts("device=press-1&rule=press-silent"));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.BlockingQueue<String> lines =
                new java.util.concurrent.LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> stream =
                client.send(
                        runtime.requestTo("/api/v1/tenants/demo/alerts/stream")
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
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
            command("press-1", "{\"name\":\"pause\"}");
            JsonNode opened = nextChange(lines, "press-silent");
            assertEquals("opened", opened.get("kind").asText(), opened.toString());
            JsonNode alert = opened.get("alert");
            assertEquals("press.force", alert.get("metric").asText());
            assertTrue(alert.get("trigger_value").isNull(), alert.toString());
            assertTrue(
                    alert.get("message").asText().startsWith("no press.force sample for "),
                    alert.toString());
            command("press-1", "{\"name\":\"resume\"}");
            JsonNode cleared = nextChange(lines, "press-silent");
            assertEquals("cleared", cleared.get("kind").asText(), cleared.toString());
            assertEquals(alert.get("id").asText(), cleared.get("alert").get("id").asText());
            assertEquals("rule", cleared.get("by").asText());
        } finally {
            reader.interrupt();
            stream.body().close();
        }
        assertEquals(404, runtime.get("/api/v1/tenants/nowhere/alerts/stream").statusCode());
    }

    /**
     * Waits until the simulated press has stored {@code count} samples of a metric since {@code
     * from} and the engine has passed the feed records (appended before storage) holding them.
     */
    private static void awaitSimulatedSamples(String metric, Instant from, int count)
            throws Exception {
        RuntimeProcess.await(
                count + " samples of the simulated press's " + metric,
                Duration.ofSeconds(60),
                () ->
                        runtime.getJson(
                                                "/api/v1/tenants/demo/devices/press-1/metrics/"
                                                        + metric
                                                        + "/samples?from="
                                                        + from)
                                        .get("samples")
                                        .size()
                                >= count);
        awaitEngineCaughtUp();
    }

    /** The next alert event of a rule on the stream. */
    private static JsonNode nextChange(
            java.util.concurrent.BlockingQueue<String> lines, String rule) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (line != null && line.startsWith("data: {")) {
                JsonNode change = RuntimeProcess.JSON.readTree(line.substring("data: ".length()));
                if (change.path("alert").path("rule").asText().equals(rule)) {
                    return change;
                }
            }
        }
        throw new AssertionError("no alert event of rule " + rule + " within 30 s");
    }
}
