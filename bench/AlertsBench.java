import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule evaluation throughput and alert latency against one demo runtime. Phase 1 posts SAMPLES
 * samples over 10,000 series (100 devices x 100 metrics, requests of 10,000, two clients) with no
 * rule: the acknowledged ingest rate is the baseline. Phase 2 creates 100 threshold rules (rule k
 * covers metric m{k} of every device: 10,000 series) and posts as many samples again: the engine's
 * rate is the samples evaluated per second from the first request until the engine has passed the
 * last one. Phase 3 measures the latency from posting one breaching sample to its "opened" event on
 * the alert stream (and from the acknowledgement), 200 times. Phase 4 deletes the rules and
 * measures phase 1 again; the baseline is the mean of phases 1 and 4. Usage: java AlertsBench.java
 * BASE_URL TOKEN [SAMPLES]
 */
public class AlertsBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static String token;
    static final int DEVICES = 100;
    static final int METRICS = 100;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = args[1];
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        post("/api/v1/tenants/bench/samples", body(start, 0, 0)); // creates the tenant

        int rounds = samples / (DEVICES * METRICS);
        ingest(start.plusSeconds(1), samples / 5); // warm-up: JIT, connection pools, partitions
        double baseline = ingest(start.plusSeconds(rounds + 10), samples)[0];
        for (int k = 0; k < METRICS; k++) {
            post(
                    "/api/v1/tenants/bench/alert-rules",
                    "{\"id\":\"hot-m"
                            + k
                            + "\",\"type\":\"threshold\",\"severity\":\"minor\",\"config\":{\"metrics\":[\"m"
                            + k
                            + "\"],\"threshold\":1000,\"clearThreshold\":\"500\"}}");
        }
        while (!get("/health").contains("\"bench/hot-m99\"")) {
            Thread.sleep(100);
        }
        long evaluated = evaluations();
        long t0 = System.nanoTime();
        double[] withRules = ingest(start.plusSeconds(2L * rounds + 20), samples);
        long acknowledged = System.nanoTime();
        while (evaluations() < evaluated + samples || lag() > 0) {
            Thread.sleep(5);
        }
        long caughtUp = System.nanoTime();
        double engineSeconds = (caughtUp - t0) / 1e9;
        double engineRate = samples / engineSeconds;

        List<Double> fromSend = new ArrayList<>();
        List<Double> fromAck = new ArrayList<>();
        latency(fromSend, fromAck);
        for (int k = 0; k < METRICS; k++) {
            HTTP.send(
                    request("/api/v1/tenants/bench/alert-rules/hot-m" + k).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        while (get("/health").contains("\"bench/hot-m")) {
            Thread.sleep(100);
        }
        // the baseline again, after the rules: the mean of before and after evens out warm-up
        double after = ingest(start.plusSeconds(3L * rounds + 30), samples)[0];
        System.out.printf(
                "ingest without rules: %,.0f samples/s before, %,.0f after%n", baseline, after);
        baseline = (baseline + after) / 2;
        Collections.sort(fromSend);
        Collections.sort(fromAck);
        System.out.printf(
                "ingest without rules: %,.0f samples/s (mean)%n"
                        + "ingest with 100 rules over 10,000 series: %,.0f samples/s acknowledged%n"
                        + "rule evaluation: %,.0f samples/s (%,d samples evaluated in %.1f s, done"
                        + " %.0f ms after the last acknowledgement) = %.2f x the ingest rate without"
                        + " rules%n"
                        + "sample -> alert on the stream: median %.1f ms, p99 %.1f ms"
                        + " (from the acknowledgement: median %.1f ms, p99 %.1f ms), %d alerts%n",
                baseline,
                withRules[0],
                engineRate,
                samples,
                engineSeconds,
                (caughtUp - acknowledged) / 1e6,
                engineRate / baseline,
                fromSend.get(fromSend.size() / 2),
                fromSend.get((int) (fromSend.size() * 0.99)),
                fromAck.get(fromAck.size() / 2),
                fromAck.get((int) (fromAck.size() * 0.99)),
                fromSend.size());
    }

    /** Posts {@code samples} samples over all series from two clients: {samples/s}. */
    static double[] ingest(Instant from, int samples) throws Exception {
        int perRequest = DEVICES * METRICS;
        int requests = samples / perRequest;
        ExecutorService clients = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            int round = r;
            done.add(
                    clients.submit(
                            () ->
                                    post(
                                            "/api/v1/tenants/bench/samples",
                                            body(from, round, round % 1000))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        return new double[] {(double) requests * perRequest / ((System.nanoTime() - t0) / 1e9)};
    }

    /** One sample per series at {@code from + round} s, values below every threshold. */
    static String body(Instant from, int round, int salt) {
        StringBuilder json = new StringBuilder(DEVICES * METRICS * 70).append('[');
        String time = from.plusSeconds(round).toString();
        for (int d = 0; d < DEVICES; d++) {
            for (int m = 0; m < METRICS; m++) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("{\"device\":\"d")
                        .append(d)
                        .append("\",\"metric\":\"m")
                        .append(m)
                        .append("\",\"time\":\"")
                        .append(time)
                        .append("\",\"value\":")
                        .append((d * 7 + m * 13 + salt) % 100)
                        .append('}');
            }
        }
        return json.append(']').toString();
    }

    static void latency(List<Double> fromSend, List<Double> fromAck) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> stream =
                HTTP.send(
                        request("/api/v1/tenants/bench/alerts/stream")
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                stream.body().forEach(lines::add);
                            } catch (RuntimeException closed) {
                                // the bench closed the stream
                            }
                        });
        reader.setDaemon(true);
        reader.start();
        while (!"event: ready".equals(lines.poll(10, TimeUnit.SECONDS))) {
            // the stream's first event
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 200; i++) {
            String device = "d" + (i % DEVICES);
            String metric = "m" + (i * 7 % METRICS);
            String time = now.plusMillis(i * 2L).toString();
            long sent = System.nanoTime();
            post(
                    "/api/v1/tenants/bench/samples",
                    "[{\"device\":\""
                            + device
                            + "\",\"metric\":\""
                            + metric
                            + "\",\"time\":\""
                            + time
                            + "\",\"value\":5000}]");
            long acked = System.nanoTime();
            awaitEvent(lines, "opened", device, metric);
            long seen = System.nanoTime();
            fromSend.add((seen - sent) / 1e6);
            fromAck.add((seen - acked) / 1e6);
            post(
                    "/api/v1/tenants/bench/samples",
                    "[{\"device\":\""
                            + device
                            + "\",\"metric\":\""
                            + metric
                            + "\",\"time\":\""
                            + now.plusMillis(i * 2L + 1)
                            + "\",\"value\":0}]");
            awaitEvent(lines, "cleared", device, metric);
        }
        stream.body().close();
    }

    static void awaitEvent(BlockingQueue<String> lines, String kind, String device, String metric)
            throws InterruptedException {
        String wanted = "\"device\":\"" + device + "\",\"metric\":\"" + metric + "\"";
        while (true) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException(
                        "no " + kind + " event for " + device + "/" + metric);
            }
            if (line.startsWith("data: {\"kind\":\"" + kind + "\"") && line.contains(wanted)) {
                return;
            }
        }
    }

    static long evaluations() throws Exception {
        return number(get("/health"), "\"evaluations\":(\\d+)");
    }

    static long lag() throws Exception {
        return number(
                get("/health"),
                "\"id\":\"alerts\",\"registered\":true,\"position\":\\d+,\"lag_records\":(\\d+)");
    }

    static long number(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("not in /health: " + regex);
        }
        return Long.parseLong(m.group(1));
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token);
    }

    static String get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * Posts samples as a client must: on 503 (ingest saturated) the samples not taken (the answer's
     * {@code accepted} are, in order) are sent again after the Retry-After.
     */
    static Void post(String path, String json) throws Exception {
        if (!path.endsWith("/samples")) {
            return send(path, json);
        }
        String body = json;
        while (true) {
            HttpResponse<String> response =
                    HTTP.send(
                            request(path)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return null;
            }
            if (response.statusCode() != 503) {
                throw new IllegalStateException(
                        path + " answered " + response.statusCode() + ": " + response.body());
            }
            int accepted = (int) number(response.body(), "\"accepted\":(\\d+)");
            body = dropFirst(body, accepted);
            Thread.sleep(200);
        }
    }

    /** The JSON array without its first {@code count} objects (objects hold no nested braces). */
    static String dropFirst(String array, int count) {
        int at = 1;
        for (int i = 0; i < count; i++) {
            at = array.indexOf('}', at) + 2; // past "},"
        }
        return "[" + array.substring(at);
    }

    static Void send(String path, String json) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        request(path)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    path + " answered " + response.statusCode() + ": " + response.body());
        }
        return null;
    }
}
