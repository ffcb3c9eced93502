import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Loads 100 series into a running Armature over REST (99 with 24 h at 1 Hz, the measured one with
 * 30 days at 1 Hz), then times REST reads against the same reads over JDBC. Run by bench/query.sh.
 */
public class QueryBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The admin token of the runtime (query.sh reads it from data/secrets/admin.token). */
    static final String TOKEN = System.getenv("ARMATURE_TOKEN");

    /** The embedded server's password (query.sh reads data/secrets/postgres.password). */
    static final String DB_PASSWORD = System.getenv().getOrDefault("ARMATURE_DB_PASSWORD", "");

    static HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        return TOKEN == null ? builder : builder.header("Authorization", "Bearer " + TOKEN);
    }

    static final String TENANT = "bench";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        int runs = Integer.parseInt(args[2]);
        // QUERY_BENCH_END: reuse a runtime loaded earlier (the end instant that run printed)
        String reuse = System.getenv("QUERY_BENCH_END");
        Instant end =
                reuse != null
                        ? Instant.parse(reuse)
                        : Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        Instant dayStart = end.minus(Duration.ofDays(1));
        Instant monthStart = end.minus(Duration.ofDays(30));

        if (reuse == null) {
            long t0 = System.nanoTime();
            long loaded = 0;
            for (int s = 0; s < 99; s++) {
                loaded += load(base, "dev-" + s / 10, "m" + s % 10, dayStart, end);
            }
            loaded += load(base, "target", "power", monthStart, end);
            awaitStored(jdbc, loaded);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "loaded %,d samples over REST in %.1f s (%,.0f samples/s, stored and committed); end %s%n",
                    loaded, loadSeconds, loaded / loadSeconds, end);
        }

        String series =
                base + "/api/v1/tenants/" + TENANT + "/devices/target/metrics/power/samples";
        String raw = series + "?from=" + dayStart + "&to=" + end + "&limit=100000";
        String hourly =
                series + "?from=" + monthStart + "&to=" + end + "&bucket=1h&agg=avg,min,max,count";
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", DB_PASSWORD)) {
            int points = countJson(get(raw), "\"time\"");
            int buckets = countJson(get(hourly), "\"time\"");
            double restRaw = median(runs, () -> get(raw).length());
            double sqlRaw =
                    median(
                            runs,
                            () ->
                                    query(
                                            db,
                                            "SELECT time, value FROM t_bench.samples WHERE series_id = (SELECT id FROM t_bench.series WHERE device = 'target' AND metric = 'power') AND time >= ? AND time < ? ORDER BY time",
                                            dayStart,
                                            end));
            double restHourly = median(runs, () -> get(hourly).length());
            double sqlHourly =
                    median(
                            runs,
                            () ->
                                    query(
                                            db,
                                            "SELECT date_trunc('hour', time), avg(value), min(value), max(value), count(*) FROM t_bench.samples WHERE series_id = (SELECT id FROM t_bench.series WHERE device = 'target' AND metric = 'power') AND time >= ? AND time < ? GROUP BY 1 ORDER BY 1",
                                            monthStart,
                                            end));
            System.out.printf(
                    "raw 24 h, %,d points:        REST median %6.1f ms | JDBC SELECT of the rows %6.1f ms | ratio %.2f%n",
                    points, restRaw, sqlRaw, restRaw / sqlRaw);
            System.out.printf(
                    "30 days as 1 h buckets (%d): REST median %6.1f ms | JDBC GROUP BY on raw rows %6.1f ms | ratio %.2f%n",
                    buckets, restHourly, sqlHourly, restHourly / sqlHourly);
            try (ResultSet r =
                    db.createStatement()
                            .executeQuery(
                                    "SELECT (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 't_bench.samples'::regclass),"
                                            + " (SELECT count(*) FROM t_bench.samples), pg_total_relation_size('t_bench.rollup_1h')")) {
                r.next();
                System.out.printf(
                        "disk: %.1f bytes per stored sample (heap + index, %,d samples); hourly rollups %,d bytes%n",
                        r.getLong(1) / (double) r.getLong(2), r.getLong(2), r.getLong(3));
            }
        }
    }

    static long load(String base, String device, String metric, Instant from, Instant to)
            throws Exception {
        long seconds = Duration.between(from, to).toSeconds();
        for (long i = 0; i < seconds; i += 20_000) {
            StringBuilder body = new StringBuilder(1_800_000).append('[');
            for (long k = i; k < Math.min(seconds, i + 20_000); k++) {
                if (k > i) {
                    body.append(',');
                }
                body.append("{\"device\":\"")
                        .append(device)
                        .append("\",\"metric\":\"")
                        .append(metric)
                        .append("\",\"time\":\"")
                        .append(from.plusSeconds(k))
                        .append("\",\"value\":")
                        .append(Math.round(1000 * Math.sin(k / 600.0)) / 10.0)
                        .append('}');
            }
            HttpResponse<String> response =
                    HTTP.send(
                            request(base + "/api/v1/tenants/" + TENANT + "/samples")
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    body.append(']').toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // 503 = ingest saturated: part of the request was taken; a retry would need the
                // accepted count, which a benchmark loader does not bother with
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        }
        return seconds;
    }

    static void awaitStored(String jdbc, long expected) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", DB_PASSWORD)) {
            for (int i = 0; i < 1_200; i++) {
                try (ResultSet r =
                        db.createStatement().executeQuery("SELECT count(*) FROM t_bench.samples")) {
                    r.next();
                    if (r.getLong(1) >= expected) {
                        db.createStatement().execute("VACUUM ANALYZE t_bench.samples");
                        return;
                    }
                } catch (java.sql.SQLException notYet) {
                    // schema not created yet
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("samples not stored within 10 min");
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

    static int countJson(String body, String token) {
        int count = 0;
        for (int i = body.indexOf(token); i >= 0; i = body.indexOf(token, i + 1)) {
            count++;
        }
        return count;
    }

    static int query(Connection db, String sql, Instant from, Instant to) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            statement.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            statement.setFetchSize(10_000);
            int rows = 0;
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    r.getObject(1, OffsetDateTime.class);
                    r.getDouble(2);
                    rows++;
                }
            }
            return rows;
        }
    }

    static double median(int runs, Callable<Integer> action) throws Exception {
        for (int i = 0; i < 3; i++) {
            action.call(); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            action.call();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }
}
