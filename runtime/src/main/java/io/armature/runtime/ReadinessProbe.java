package io.armature.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls {@code GET /health} on the local port until it answers 200 (UP or DEGRADED). */
final class ReadinessProbe {
    record Result(boolean ready, String detail) {}

    private ReadinessProbe() {}

    static Result await(int port, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response =
                        client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new Result(true, response.body());
                }
                last = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(25);
        }
        return new Result(false, last);
    }
}
