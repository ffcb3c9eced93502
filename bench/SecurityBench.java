import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What authentication costs the data path: acknowledged ingest over REST (large and small batches)
 * and the 24 h raw query, against one runtime. Run by bench/security.sh once with a token against
 * the normal runtime and once without against a runtime whose REST layer does not authenticate
 * (armature.security.enforce=false); the script prints the ratios. Usage: java SecurityBench.java
 * BASE_URL TOKEN|- LABEL
 */
public class SecurityBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String token;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        token = args[1].equals("-") ? null : args[1];
        String label = args[2];
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(1));
        String samples = base + "/api/v1/tenants/bench/samples";

        // large batches: 10 series x 24 h at 1 Hz in requests of 20,000 samples
        long t0 = System.nanoTime();
        long sent = 0;
        for (int series = 0; series < 10; series++) {
            for (long i = 0; i < 86_400; i += 20_000) {
                sent += post(samples, "dev-" + series, start, i, Math.min(86_400, i + 20_000));
            }
        }
        double large = sent / ((System.nanoTime() - t0) / 1e9);

        // small batches: 100 samples per request, the per-request cost shows
        Instant smallStart = start.minus(Duration.ofDays(2));
        t0 = System.nanoTime();
        long small = 0;
        for (int r = 0; r < 2_000; r++) {
            small += post(samples, "small", smallStart, r * 100L, r * 100L + 100);
        }
        double smallRate = small / ((System.nanoTime() - t0) / 1e9);

        String raw =
                base
                        + "/api/v1/tenants/bench/devices/dev-0/metrics/m/samples?from="
                        + start
                        + "&to="
                        + end
                        + "&limit=100000";
        for (int i = 0; i < 200; i++) { // until the last batches are stored
            if (get(raw).split("\"time\"", -1).length - 1 >= 86_400) {
                break;
            }
            Thread.sleep(250);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long q = System.nanoTime();
            get(raw);
            if (i >= 3) {
                times.add((System.nanoTime() - q) / 1e6);
            }
        }
        Collections.sort(times);
        System.out.printf(
                "%s large_batches_samples_per_s=%.0f small_batches_samples_per_s=%.0f raw_24h_query_ms=%.1f%n",
                label, large, smallRate, times.get(times.size() / 2));
    }

    static HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    static long post(String url, String device, Instant from, long first, long last)
            throws Exception {
        StringBuilder body = new StringBuilder(90 * (int) (last - first)).append('[');
        for (long k = first; k < last; k++) {
            body.append(k > first ? "," : "")
                    .append("{\"device\":\"")
                    .append(device)
                    .append("\",\"metric\":\"m\",\"time\":\"")
                    .append(from.plusSeconds(k))
                    .append("\",\"value\":")
                    .append(Math.round(1000 * Math.sin(k / 600.0)) / 10.0)
                    .append('}');
        }
        while (true) {
            HttpResponse<String> response =
                    HTTP.send(
                            request(url)
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    body.append(']').toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return last - first;
            }
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    static String get(String url) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request(url).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
