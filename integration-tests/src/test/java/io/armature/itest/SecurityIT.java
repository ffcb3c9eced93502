package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security over real HTTP against a real runtime: every endpoint of the served OpenAPI document
 * refuses the unauthenticated, the wrong role and the wrong tenant; tokens, sessions, CSRF, login
 * throttling, limits, the audit log and secrets.
 */
class SecurityIT extends OneRuntimePerClass {
    private static final Set<String> PUBLIC = Set.of("GET /health", "POST /api/v1/auth/login");

    /** Endpoints every caller may use on their own things: they answer 404 for others' things. */
    private static final Set<String> SELF_SERVICE =
            Set.of(
                    "POST /api/v1/auth/logout",
                    "POST /api/v1/tokens",
                    "DELETE /api/v1/tokens/{id}",
                    "PATCH /api/v1/users/{user}");

    private static final String PASSWORD = "a long enough password";

    static String admin;
    static String viewer;
    static String alphaOperator;

    @BeforeAll
    static void usersAndTenants() throws Exception {
        admin = runtime.token();
        for (String tenant : List.of("alpha", "beta")) {
            assertEquals(
                    201,
                    runtime.post("/api/v1/tenants", "{\"id\":\"" + tenant + "\"}").statusCode());
        }
        runtime.post(
                "/api/v1/tenants/beta/samples",
                "[{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\""
                        + Instant.now()
                        + "\",\"value\":42.5}]");
        viewer = userWithToken("vera", "[{\"role\":\"viewer\",\"tenant\":null}]");
        alphaOperator = userWithToken("otto", "[{\"role\":\"operator\",\"tenant\":\"alpha\"}]");
    }

    /** Creates a user and, with the admin token, a token of theirs; returns the token. */
    static String userWithToken(String name, String grants) throws Exception {
        HttpResponse<String> user =
                runtime.post(
                        "/api/v1/users",
                        "{\"name\":\""
                                + name
                                + "\",\"password\":\""
                                + PASSWORD
                                + "\",\"grants\":"
                                + grants
                                + "}");
        assertEquals(201, user.statusCode(), user.body());
        HttpResponse<String> token =
                runtime.post("/api/v1/tokens", "{\"name\":\"test\",\"user\":\"" + name + "\"}");
        assertEquals(201, token.statusCode(), token.body());
        return Http.json(token).get("token").asText();
    }

    record Operation(String method, String template, String path, String contentType) {
        String key() {
            return method + " " + template;
        }
    }

    /** Every operation of the served OpenAPI document, with its path parameters filled in. */
    static List<Operation> operations() throws Exception {
        JsonNode doc = runtime.getJson("/api/v1/openapi.json");
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        Pattern parameter = Pattern.compile("\\{(\\w+)[^}]*}");
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = parameter.matcher(path.getKey()).replaceAll("{$1}");
            Matcher m = parameter.matcher(path.getKey());
            StringBuilder concrete = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(concrete, value(m.group(1)));
            }
            m.appendTail(concrete);
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode content = method.getValue().path("requestBody").path("content");
                String type = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                operations.add(
                        new Operation(
                                method.getKey().toUpperCase(java.util.Locale.ROOT),
                                template,
                                concrete.toString(),
                                type));
            }
        }
        assertTrue(operations.size() > 30, "the document lists the API: " + operations.size());
        return operations;
    }

    private static String value(String parameter) {
        return switch (parameter) {
            case "tenant" -> "beta";
            case "device" -> "press-1";
            case "metric" -> "force";
            case "user" -> "admin";
            case "pid" -> "io.armature.ingest";
            case "id" -> "1";
            default -> "x";
        };
    }

    static HttpResponse<String> call(Operation operation, String token) throws Exception {
        HttpRequest.Builder request = Http.to(runtime, operation.path());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String type =
                operation.contentType() == null ? "application/json" : operation.contentType();
        boolean body = !operation.method().equals("GET") && !operation.method().equals("DELETE");
        if (body) {
            request.header("Content-Type", type);
        }
        request.method(
                operation.method(),
                body
                        ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
        return Http.send(request.build());
    }

    @Test
    void withoutCredentialsEveryEndpointButHealthAndLoginAnswers401() throws Exception {
        for (Operation operation : operations()) {
            if (PUBLIC.contains(operation.key())) {
                continue;
            }
            HttpResponse<String> response = call(operation, null);
            assertEquals(401, response.statusCode(), operation.key() + ": " + response.body());
            assertEquals(
                    "Bearer realm=\"armature\"",
                    response.headers().firstValue("WWW-Authenticate").orElse(null),
                    operation.key());
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(null),
                    operation.key());
        }
        JsonNode health = Http.json(Http.send(runtime, null, "GET", "/health", null));
        assertEquals(0, health.get("checks").size(), "no details without a token: " + health);
    }

    @Test
    void aViewerChangesNothing() throws Exception {
        for (Operation operation : operations()) {
            if (operation.method().equals("GET") || PUBLIC.contains(operation.key())) {
                continue;
            }
            HttpResponse<String> response = call(operation, viewer);
            if (SELF_SERVICE.contains(operation.key())) {
                assertTrue(
                        Set.of(204, 403, 404).contains(response.statusCode()),
                        operation.key() + ": " + response.statusCode() + " " + response.body());
            } else {
                assertEquals(403, response.statusCode(), operation.key() + ": " + response.body());
            }
        }
        assertEquals(
                200,
                Http.send(runtime, viewer, "GET", "/api/v1/tenants/beta/devices", null)
                        .statusCode());
    }

    @Test
    void aTokenOfTenantAlphaFindsNothingOfTenantBeta() throws Exception {
        for (Operation operation : operations()) {
            if (!operation.template().contains("{tenant}")) {
                continue;
            }
            HttpResponse<String> response = call(operation, alphaOperator);
            assertEquals(404, response.statusCode(), operation.key() + ": " + response.body());
            assertFalse(response.body().contains("42.5"), operation.key() + " leaked data");
        }
        JsonNode tenants =
                Http.json(Http.send(runtime, alphaOperator, "GET", "/api/v1/tenants", null));
        assertEquals(1, tenants.get("tenants").size(), tenants.toString());
        assertEquals("alpha", tenants.get("tenants").get(0).get("id").asText());
        HttpResponse<String> own =
                Http.send(
                        runtime,
                        alphaOperator,
                        "POST",
                        "/api/v1/tenants/alpha/devices",
                        "{\"id\":\"valve-1\"}");
        assertEquals(201, own.statusCode(), own.body());
    }

    @Test
    void aHotDeployedPluginsResourceIsBornProtected() throws Exception {
        Files.copy(Deployables.probe(), runtime.deploy().resolve("probe-protected.jar"));
        try {
            RuntimeProcess.await(
                    "the probe's resource is served",
                    Duration.ofSeconds(30),
                    () -> runtime.get("/api/v1/probe/echo/hello").statusCode() == 200);
            // it declares no role: admin only
            assertEquals(
                    401,
                    Http.send(runtime, null, "GET", "/api/v1/probe/echo/hello", null).statusCode());
            assertEquals(
                    403,
                    Http.send(runtime, viewer, "GET", "/api/v1/probe/echo/hello", null)
                            .statusCode());
            assertEquals(
                    403,
                    Http.send(runtime, alphaOperator, "GET", "/api/v1/probe/echo/hello", null)
                            .statusCode());
        } finally {
            Files.delete(runtime.deploy().resolve("probe-protected.jar"));
            RuntimeProcess.await(
                    "the probe's resource is gone",
                    Duration.ofSeconds(30),
                    () -> runtime.get("/api/v1/probe/echo/hello").statusCode() == 404);
        }
    }

    @Test
    void tokensWorkUntilTheyExpireOrAreRevoked() throws Exception {
        HttpResponse<String> created =
                runtime.post(
                        "/api/v1/tokens",
                        "{\"name\":\"short\",\"user\":\"vera\",\"expires_at\":\""
                                + Instant.now().plusSeconds(3)
                                + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        String shortLived = Http.json(created).get("token").asText();
        String id = Http.json(created).get("id").asText();
        assertTrue(shortLived.startsWith("arm_") && shortLived.length() >= 40, shortLived);
        assertEquals(
                200, Http.send(runtime, shortLived, "GET", "/api/v1/auth/me", null).statusCode());
        JsonNode listed = runtime.getJson("/api/v1/tokens?user=vera");
        assertFalse(listed.toString().contains(shortLived), "a token is shown only once");
        boolean used = false;
        for (JsonNode token : listed.get("tokens")) {
            used |= token.get("id").asText().equals(id) && !token.get("last_used_at").isNull();
        }
        assertTrue(used, "last use recorded: " + listed);
        RuntimeProcess.await(
                "the token expired",
                Duration.ofSeconds(15),
                () ->
                        Http.send(runtime, shortLived, "GET", "/api/v1/auth/me", null).statusCode()
                                == 401);

        String revocable =
                Http.json(runtime.post("/api/v1/tokens", "{\"name\":\"r\",\"user\":\"vera\"}"))
                        .get("token")
                        .asText();
        String revocableId =
                Http.json(Http.send(runtime, revocable, "GET", "/api/v1/auth/me", null))
                        .get("token_id")
                        .asText();
        assertEquals(204, runtime.delete("/api/v1/tokens/" + revocableId).statusCode());
        assertEquals(
                401, Http.send(runtime, revocable, "GET", "/api/v1/auth/me", null).statusCode());
        assertEquals(
                401,
                Http.send(runtime, "arm_" + "x".repeat(43), "GET", "/api/v1/auth/me", null)
                        .statusCode());
    }

    @Test
    void browserSessionsNeedTheCsrfTokenAndEndWithAPasswordChange() throws Exception {
        userWithToken("sam", "[{\"role\":\"operator\",\"tenant\":\"alpha\"}]");
        HttpResponse<String> login = login("sam", PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(
                setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = Http.json(login).get("csrf_token").asText();

        HttpRequest.Builder noCsrf =
                withCookie("/api/v1/tenants/alpha/devices", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"pump-1\"}"));
        assertEquals(403, Http.send(noCsrf.build()).statusCode(), "no CSRF token");
        HttpRequest.Builder wrongCsrf =
                withCookie("/api/v1/tenants/alpha/devices", cookie)
                        .header("X-CSRF-Token", "forged")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"pump-1\"}"));
        assertEquals(403, Http.send(wrongCsrf.build()).statusCode(), "wrong CSRF token");
        HttpRequest.Builder withCsrf =
                withCookie("/api/v1/tenants/alpha/devices", cookie)
                        .header("X-CSRF-Token", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"pump-1\"}"));
        HttpResponse<String> created = Http.send(withCsrf.build());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(
                200, Http.send(withCookie("/api/v1/auth/me", cookie).GET().build()).statusCode());

        HttpResponse<String> changed =
                runtime.patch("/api/v1/users/sam", "{\"password\":\"another long password\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(
                401,
                Http.send(withCookie("/api/v1/auth/me", cookie).GET().build()).statusCode(),
                "session ended by the password change");
        assertEquals(401, login("sam", PASSWORD).statusCode(), "the old password is gone");
        assertEquals(200, login("sam", "another long password").statusCode());
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
        String token = userWithToken("paula", "[{\"role\":\"viewer\",\"tenant\":\"alpha\"}]");
        HttpResponse<String> without =
                Http.send(
                        runtime,
                        token,
                        "PATCH",
                        "/api/v1/users/paula",
                        "{\"password\":\"taken over password\"}");
        assertEquals(400, without.statusCode(), without.body());
        assertTrue(without.body().contains("current_password"), without.body());
        HttpResponse<String> grants =
                Http.send(
                        runtime,
                        token,
                        "PATCH",
                        "/api/v1/users/paula",
                        "{\"grants\":[{\"role\":\"admin\",\"tenant\":null}]}");
        assertEquals(400, grants.statusCode(), "no self-promotion: " + grants.body());
        HttpResponse<String> with =
                Http.send(
                        runtime,
                        token,
                        "PATCH",
                        "/api/v1/users/paula",
                        "{\"password\":\"a new long password\",\"current_password\":\""
                                + PASSWORD
                                + "\"}");
        assertEquals(200, with.statusCode(), with.body());
        assertEquals(200, login("paula", "a new long password").statusCode());
        assertEquals(
                400,
                runtime.post(
                                "/api/v1/users",
                                "{\"name\":\"anonymous\",\"password\":\""
                                        + PASSWORD
                                        + "\",\"grants\":[]}")
                        .statusCode(),
                "reserved name");
    }

    private static HttpRequest.Builder withCookie(String path, String cookie) {
        return Http.to(runtime, path)
                .header("Cookie", cookie)
                .header("Content-Type", "application/json");
    }

    static HttpResponse<String> login(String user, String password) throws Exception {
        return Http.send(
                runtime,
                null,
                "POST",
                "/api/v1/auth/login",
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void repeatedFailedLoginsAreThrottled() throws Exception {
        userWithToken("tina", "[{\"role\":\"viewer\",\"tenant\":\"alpha\"}]");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("tina", "wrong password " + i).statusCode());
        }
        HttpResponse<String> throttled = login("tina", PASSWORD);
        assertEquals(
                429, throttled.statusCode(), "even the right password waits: " + throttled.body());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        JsonNode audit = runtime.getJson("/api/v1/system/audit?actor=tina");
        String actions = audit.get("events").findValuesAsText("action").toString();
        assertTrue(
                actions.contains("auth.login_failed") && actions.contains("auth.login_throttled"),
                actions);
    }

    @Test
    void onlyAdminsInstallBundlesAndEveryActionIsAudited() throws Exception {
        byte[] jar = Files.readAllBytes(Deployables.probe());
        runtime.useToken(alphaOperator);
        try {
            assertEquals(
                    403,
                    runtime.postMultipart("/api/v1/system/bundles", "probe.jar", jar).statusCode());
        } finally {
            runtime.useToken(admin);
        }
        HttpResponse<String> installed =
                runtime.postMultipart("/api/v1/system/bundles", "probe.jar", jar);
        assertEquals(201, installed.statusCode(), installed.body());
        long id = Http.json(installed).get("id").asLong();
        assertEquals(204, runtime.delete("/api/v1/system/bundles/" + id).statusCode());
        assertEquals(
                200,
                runtime.put("/api/v1/system/features/armature-webconsole", "{\"enabled\": true}")
                        .statusCode());
        assertEquals(
                200,
                runtime.put(
                                "/api/v1/system/configurations/io.armature.ingest",
                                "{\"maxFutureSeconds\": 120}")
                        .statusCode());
        userWithToken("ulla", "[{\"role\":\"viewer\",\"tenant\":null}]");
        assertEquals(200, runtime.patch("/api/v1/users/ulla", "{\"disabled\": true}").statusCode());
        assertEquals(204, runtime.delete("/api/v1/users/ulla").statusCode());
        assertEquals(401, login("nobody", "wrong password").statusCode());

        List<String> actions = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page =
                    runtime.getJson(
                            "/api/v1/system/audit?limit=5"
                                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertTrue(page.get("events").size() <= 5);
            page.get("events")
                    .forEach(
                            e ->
                                    actions.add(
                                            e.get("actor").asText()
                                                    + " "
                                                    + e.get("action").asText()
                                                    + " "
                                                    + e.get("outcome").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        for (String expected :
                List.of(
                        "otto bundle.install denied",
                        "admin bundle.install success",
                        "admin bundle.uninstall success",
                        "admin feature.toggle success",
                        "admin configuration.change success",
                        "admin user.create success",
                        "admin token.create success",
                        "admin user.update success",
                        "admin user.delete success",
                        "nobody auth.login_failed denied")) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
        JsonNode bundleOnly = runtime.getJson("/api/v1/system/audit?action=bundle&actor=admin");
        assertEquals(2, bundleOnly.get("events").size(), bundleOnly.toString());
        JsonNode future =
                runtime.getJson("/api/v1/system/audit?from=" + Instant.now().plusSeconds(3600));
        assertEquals(0, future.get("events").size());
        assertEquals(400, runtime.get("/api/v1/system/audit?from=yesterday").statusCode());
        assertTrue(Files.size(runtime.home().resolve("data/audit/audit.log")) > 0);
    }

    @Test
    void secretsAreMaskedInAnswersAndNeverInClearOnDiskOrInLogs() throws Exception {
        String secret = "S3cret-" + UUID.randomUUID();
        String pid = "/api/v1/system/configurations/io.armature.storage.postgres~vaulted";
        HttpResponse<String> put =
                runtime.put(
                        pid,
                        "{\"url\":\"jdbc:postgresql://127.0.0.1:9/none\",\"user\":\"u\",\"password\":\""
                                + secret
                                + "\"}");
        assertEquals(200, put.statusCode(), put.body());
        assertFalse(put.body().contains(secret));
        assertEquals("********", runtime.getJson(pid).get("properties").get("password").asText());
        assertFalse(runtime.get("/api/v1/system/configurations").body().contains(secret));
        // sending the mask back keeps the secret
        assertEquals(
                200,
                runtime.put(
                                pid,
                                "{\"url\":\"jdbc:postgresql://127.0.0.1:9/none\",\"user\":\"v\",\"password\":\"********\"}")
                        .statusCode());
        Path stored =
                runtime.home()
                        .resolve("data/config/io/armature/storage/postgres%007evaulted.config");
        String file = Files.readString(stored);
        assertTrue(file.contains("password=\"{sealed:v1}"), file);
        assertFalse(file.contains("********"), "the mask was not stored over the secret");
        assertFalse(runtime.get("/api/v1/system/audit").body().contains(secret));
        for (Path root :
                List.of(
                        runtime.home().resolve("data"),
                        runtime.home().resolve("logs"),
                        runtime.home().resolve("deploy"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f :
                        files.filter(Files::isRegularFile)
                                .filter(f -> !f.startsWith(runtime.home().resolve("data/postgres")))
                                .toList()) {
                    assertFalse(
                            new String(
                                            Files.readAllBytes(f),
                                            java.nio.charset.StandardCharsets.ISO_8859_1)
                                    .contains(secret),
                            "secret in clear in " + f);
                }
            }
        }
        assertFalse(runtime.output().contains(secret), "secret in the log");
        assertEquals(204, runtime.delete(pid).statusCode());
    }

    @Test
    void bodiesOverTheLimitAre413AndCallersOverTheRateAre429() throws Exception {
        String big = "{\"id\":\"" + "x".repeat(2 << 20) + "\"}";
        HttpResponse<String> tooLarge = runtime.post("/api/v1/tenants", big);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        HttpResponse<String> bigConfig =
                runtime.put(
                        "/api/v1/system/configurations/io.armature.ingest",
                        "{\"x\":\"" + "y".repeat(100_000) + "\"}");
        assertEquals(413, bigConfig.statusCode());

        String limited = userWithToken("rita", "[{\"role\":\"viewer\",\"tenant\":null}]");
        assertEquals(
                200,
                runtime.put(
                                "/api/v1/system/configurations/io.armature.security",
                                "{\"requestsPerSecond\": 1, \"requestBurst\": 3}")
                        .statusCode());
        try {
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 6; i++) {
                last = Http.send(runtime, limited, "GET", "/api/v1/tenants", null);
                statuses.add(last.statusCode());
            }
            assertEquals(429, (int) statuses.get(5), statuses.toString());
            assertNotNull(last.headers().firstValue("Retry-After").orElse(null));
        } finally {
            assertEquals(
                    204,
                    runtime.delete("/api/v1/system/configurations/io.armature.security")
                            .statusCode());
        }
    }

    @Test
    void answersCarryNoServerBannerAndIdentifiersCannotEscapeTheirTenant() throws Exception {
        HttpResponse<String> health = Http.send(runtime, null, "GET", "/health", null);
        assertTrue(
                health.headers().firstValue("Server").isEmpty(), health.headers().map().toString());
        assertEquals("nosniff", health.headers().firstValue("X-Content-Type-Options").orElse(null));
        for (String path :
                List.of(
                        "/api/v1/tenants/alpha%2F..%2Fbeta/devices",
                        "/api/v1/tenants/..%2Fbeta/devices",
                        "/api/v1/tenants/alpha/../beta/devices",
                        "/api/v1/tenants/" + "a".repeat(65) + "/devices",
                        "/api/v1/tenants/beta%00/devices")) {
            int status = Http.send(runtime, alphaOperator, "GET", path, null).statusCode();
            assertTrue(status == 400 || status == 404, path + " -> " + status);
        }
    }
}
