package io.armature.tools.device;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Registers the device (and its tenant, when absent) over the REST API, as the seed's device does.
 */
final class Registration {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    Registration(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    /** Creates tenant and device unless they exist; the answer of the device's registration. */
    String register(String tenant, String device, String type) throws Exception {
        HttpResponse<String> tenantAnswer = post("/api/v1/tenants", "{\"id\":\"" + tenant + "\"}");
        if (tenantAnswer.statusCode() != 201 && tenantAnswer.statusCode() != 409) {
            throw new IllegalStateException(
                    "creating tenant " + tenant + ": " + describe(tenantAnswer));
        }
        String body =
                "{\"id\":\""
                        + device
                        + "\""
                        + (type == null ? "" : ",\"type\":\"" + type + "\"")
                        + "}";
        HttpResponse<String> answer = post("/api/v1/tenants/" + tenant + "/devices", body);
        if (answer.statusCode() == 201) {
            return "registered device " + tenant + "/" + device;
        }
        if (answer.statusCode() == 409) {
            return "device " + tenant + "/" + device + " was registered already";
        }
        throw new IllegalStateException("registering device " + device + ": " + describe(answer));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String describe(HttpResponse<String> answer) {
        return answer.statusCode() + " " + answer.body();
    }
}
