package io.armature.itest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP requests with a chosen credential (or none), for the security tests. */
final class Http {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static HttpRequest.Builder to(RuntimeProcess runtime, String path) {
        return HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
    }

    /** A request with {@code token} as bearer token (none when null). */
    static HttpResponse<String> send(
            RuntimeProcess runtime, String token, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = to(runtime, path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return RuntimeProcess.JSON.readTree(response.body());
    }
}
