package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 10,000 malformed requests across the whole API (bad JSON, wrong types, huge and deeply nested
 * bodies, weird identifiers, bad credentials, broken request lines), with valid sample batches in
 * between: no answer is a 5xx, the runtime stays healthy, and every valid sample is stored.
 */
class FuzzIT extends OneRuntimePerClass {
    private static final int REQUESTS = 10_000;
    private static final String[] IDENTIFIERS = {
        "beta",
        "..",
        "%2e%2e",
        "..%2F..%2Fetc",
        "a%2Fb",
        "x".repeat(65),
        "x".repeat(3000),
        "%00",
        "%C3%BC",
        "%F0%9F%92%A9",
        "null",
        "-",
        "a%20b",
        "%25",
        "%3Cscript%3E",
        "1e309",
        "{}",
        "%7B%7D"
    };
    private static final String[] BODIES = {
        "",
        "{",
        "}",
        "[",
        "{\"id\":",
        "{\"id\": \"a",
        "null",
        "true",
        "42",
        "\"text\"",
        "[]",
        "{}",
        "{\"id\": 5}",
        "{\"id\": [\"a\"]}",
        "{\"id\": {\"x\": 1}}",
        "{\"id\": \"ok\", \"id\": \"dup\"}",
        "{\"enabled\": \"yes\"}",
        "{\"password\": 12}",
        "{\"grants\": \"admin\"}",
        "{\"grants\": [{\"role\": \"root\"}]}",
        "[{\"device\": 1, \"metric\": null}]",
        "[{\"device\": \"d\", \"metric\": \"m\", \"time\": \"yesterday\", \"value\": \"NaN\"}]",
        "[{\"device\": \"d\", \"metric\": \"m\", \"time\": \"2026-12-01T00:00:00Z\", \"value\": 1e999}]",
        "{\"maxFutureSeconds\": -1}",
        "{\"a\": \"\\uD800\"}",
        "\u0000\u0001\u0002",
        "{\"x\": 1}garbage"
    };
    private static final String[] AUTH = {
        null,
        "Bearer",
        "Bearer ",
        "Bearer arm_",
        "Bearer arm_" + "A".repeat(43),
        "Basic YWRtaW46YWRtaW4=",
        "bearer x",
        "Token abc",
        "Bearer " + "x".repeat(5000)
    };

    @Test
    void tenThousandMalformedRequestsAnswerNo5xxAndLoseNoValidSample() throws Exception {
        String admin = runtime.token();
        assertEquals(
                200,
                runtime.put(
                                "/api/v1/system/configurations/io.armature.security",
                                "{\"requestsPerSecond\": 100000, \"requestBurst\": 100000}")
                        .statusCode());
        assertEquals(201, runtime.post("/api/v1/tenants", "{\"id\":\"beta\"}").statusCode());
        // the valid samples go to a tenant the malformed requests never name (they may delete
        // "beta", which an admin token is allowed to do)
        assertEquals(201, runtime.post("/api/v1/tenants", "{\"id\":\"kept\"}").statusCode());
        List<String> templates = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        runtime.getJson("/api/v1/openapi.json")
                .get("paths")
                .fields()
                .forEachRemaining(
                        p ->
                                p.getValue()
                                        .fieldNames()
                                        .forEachRemaining(
                                                m -> {
                                                    templates.add(p.getKey());
                                                    methods.add(
                                                            m.toUpperCase(java.util.Locale.ROOT));
                                                }));
        Random random = new Random(20261201);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Instant base = Instant.now().minusSeconds(3600);
        int validSent = 0;
        String previous = "nothing";
        int reconnects = 0;
        String lastReconnect = null;
        for (int i = 0; i < REQUESTS; i++) {
            int status;
            String what = "raw request";
            if (i % 50 == 0) {
                StringBuilder batch = new StringBuilder("[");
                for (int k = 0; k < 10; k++) {
                    batch.append(k == 0 ? "" : ",")
                            .append("{\"device\":\"fuzz-d\",\"metric\":\"m\",\"time\":\"")
                            .append(base.plusMillis(validSent + k))
                            .append("\",\"value\":")
                            .append(validSent + k)
                            .append("}");
                }
                HttpResponse<String> valid =
                        runtime.post("/api/v1/tenants/kept/samples", batch + "]");
                assertEquals(200, valid.statusCode(), valid.body());
                assertEquals(10, Http.json(valid).get("accepted").asInt(), valid.body());
                validSent += 10;
                continue;
            }
            if (i % 500 == 1) {
                status = rawRequest("GET /api/v1/tenants/%ZZ/devices HTTP/1.1");
            } else {
                int op = random.nextInt(templates.size());
                String path = templates.get(op).replaceAll("\\{\\w+[^}]*}", "{}");
                while (path.contains("{}")) {
                    path =
                            path.replaceFirst(
                                    "\\{}", IDENTIFIERS[random.nextInt(IDENTIFIERS.length)]);
                }
                String body = body(random);
                String auth =
                        random.nextInt(3) == 0
                                ? AUTH[random.nextInt(AUTH.length)]
                                : "Bearer " + admin;
                status = -1;
                for (int attempt = 0; status < 0; attempt++) {
                    try {
                        status = send(methods.get(op), path, body, auth, random);
                    } catch (java.io.IOException e) {
                        // after refusing a malformed request the server may close a keep-alive
                        // connection the client then reuses; like any client, send again on a
                        // fresh one (counted: it must stay rare)
                        reconnects++;
                        lastReconnect = previous;
                        if (attempt == 2) {
                            throw new AssertionError(
                                    "request " + i + " failed 3 times after " + previous, e);
                        }
                    }
                }
                what =
                        methods.get(op)
                                + " "
                                + path.substring(0, Math.min(path.length(), 120))
                                + " auth="
                                + (auth == null
                                        ? null
                                        : auth.substring(0, Math.min(auth.length(), 12)))
                                + " body="
                                + body.substring(0, Math.min(body.length(), 80));
            }
            statuses.merge(status, 1, Integer::sum);
            previous = what + " -> " + status;
            assertTrue(
                    status < 500,
                    "request "
                            + i
                            + " ("
                            + what
                            + ") answered "
                            + status
                            + "\n"
                            + runtime.output());
        }
        assertTrue(runtime.isAlive());
        JsonNode health = runtime.getJson("/health");
        assertEquals("UP", health.get("status").asText(), health.toString());
        JsonNode count =
                runtime.getJson(
                        "/api/v1/tenants/kept/devices/fuzz-d/metrics/m/samples?from="
                                + base.minusSeconds(1)
                                + "&to="
                                + base.plusSeconds(3600)
                                + "&bucket=1d&agg=count");
        long stored = 0;
        for (JsonNode bucket : count.get("buckets")) {
            stored += bucket.get("count").asLong();
        }
        assertEquals(validSent, stored, "every valid sample stored; statuses " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), statuses.toString());
        assertTrue(statuses.size() >= 5, "a variety of answers: " + statuses);
        assertTrue(
                reconnects < REQUESTS / 100,
                reconnects + " connections closed under the client, last after " + lastReconnect);
        System.out.println("fuzz: " + statuses + ", " + reconnects + " reconnects");
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 4000));
    }

    private static String body(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "[".repeat(2000 + random.nextInt(50_000)); // deeply nested
            case 1 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 2 -> random.nextInt(40) == 0 ? "{\"id\":\"" + "x".repeat(1_200_000) + "\"}" : "{}";
            case 3 -> {
                byte[] bytes = new byte[random.nextInt(2000)];
                random.nextBytes(bytes);
                yield new String(bytes, StandardCharsets.ISO_8859_1);
            }
            default -> BODIES[random.nextInt(BODIES.length)];
        };
    }

    /** Whether the last answer came from Jetty itself (before Armature), not from Armature. */
    private static boolean jettyRefused;

    private static int send(String method, String path, String body, String auth, Random random)
            throws Exception {
        jettyRefused = false;
        URI uri;
        try {
            uri = URI.create(runtime.baseUrl() + path);
        } catch (IllegalArgumentException e) {
            return 400; // not even a URI this client sends; raw requests cover those
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(30));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        String[] types = {
            "application/json",
            "text/plain",
            "application/xml",
            "multipart/form-data",
            "application/json; charset=latin1"
        };
        request.header("Content-Type", types[random.nextInt(types.length)]);
        request.method(
                method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
        HttpResponse<String> response = Http.send(request.build());
        // every answer of Armature's own carries its hardening headers; Jetty's refusals do not
        jettyRefused = response.headers().firstValue("X-Content-Type-Options").isEmpty();
        if (response.statusCode() >= 400 && !jettyRefused) {
            assertTrue(
                    response.headers()
                            .firstValue("Content-Type")
                            .orElse("")
                            .matches("application/(problem\\+)?json.*"),
                    method
                            + " "
                            + path
                            + " answered "
                            + response.statusCode()
                            + " without a JSON body");
        }
        if (response.statusCode() >= 500) {
            System.out.println(
                    "5xx: "
                            + response.body()
                                    .substring(0, Math.min(300, response.body().length())));
        }
        return response.statusCode();
    }

    /** A request line the HTTP client would refuse to send, over a plain socket. */
    private static int rawRequest(String requestLine) throws Exception {
        URI base = URI.create(runtime.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    (requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
