package io.armature.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Polls {@code GET /health} on the local port until it answers 200 (UP or DEGRADED). Uses {@link
 * HttpURLConnection}: it costs far less start-up CPU than {@code java.net.http.HttpClient}, and
 * every millisecond of launcher CPU competes with the framework's boot on a small machine.
 */
final class ReadinessProbe {
    record Result(boolean ready, String detail) {}

    private ReadinessProbe() {}

    static Result await(Listen listen, Duration timeout) throws InterruptedException, IOException {
        URL url =
                new URL(
                        (listen.http() ? "http://" : "https://")
                                + listen.localHost()
                                + ":"
                                + listen.probePort()
                                + "/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            if (connection instanceof javax.net.ssl.HttpsURLConnection https) {
                LocalTls.trustItself(https); // our own (maybe self-signed) certificate
            }
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                int status = connection.getResponseCode();
                InputStream body =
                        status < 400 ? connection.getInputStream() : connection.getErrorStream();
                String text =
                        body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                if (status == 200) {
                    return new Result(true, text);
                }
                last = "HTTP " + status + ": " + text;
            } catch (IOException e) {
                last = e.toString();
            } finally {
                connection.disconnect();
            }
            Thread.sleep(25);
        }
        return new Result(false, last);
    }
}
