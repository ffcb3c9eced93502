import java.io.File;
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
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Time to the first drawn chart in the console, in Debian's headless Chromium, for 24 h and for 30
 * days of one 1 Hz series: from navigation start (a full page load) to the chart drawn, and the
 * bytes the page transferred. Baselines in the same run: the console's own bucket queries fetched
 * directly, and the naive alternative — fetching every raw sample of the range. Run by
 * bench/console.sh.
 */
public class ConsoleBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String TOKEN = System.getenv("ARMATURE_TOKEN");
    static final String SERIES = "/api/v1/tenants/bench/devices/meter-1/metrics/power/samples";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        int runs = Integer.parseInt(args[2]);
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long loaded = load(base, end.minus(Duration.ofDays(30)), end);
        awaitStored(base, end, loaded);
        System.out.printf("loaded %,d samples (30 days at 1 Hz) of bench/meter-1/power%n", loaded);

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        File profile = java.nio.file.Files.createTempDirectory("console-bench").toFile();
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1280,900");
        ChromeDriver driver =
                new ChromeDriver(
                        new ChromeDriverService.Builder()
                                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                                .usingAnyFreePort()
                                .build(),
                        options);
        try {
            driver.get(base + "/console/#/login");
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.name("user")).isEmpty());
            driver.findElement(By.name("user")).sendKeys("admin");
            driver.findElement(By.name("password")).sendKeys(password);
            driver.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !d.getCurrentUrl().contains("login"));
            System.out.println(
                    "range | first chart, cold cache | median of "
                            + runs
                            + " warm loads | page bytes cold / warm | data bytes | direct bucket queries | raw samples of the range");
            for (String range : List.of("24h", "30d")) {
                long seconds = range.equals("24h") ? 86_400 : 30 * 86_400L;
                // a fresh browser cache for the cold figure: the first load of each range after
                // clearing it
                driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                Map<String, Object> cold = chartLoad(driver, base, range);
                List<Double> warm = new ArrayList<>();
                Map<String, Object> last = cold;
                for (int i = 0; i < runs; i++) {
                    last = chartLoad(driver, base, range);
                    warm.add(((Number) last.get("drawn")).doubleValue());
                }
                Collections.sort(warm);
                double direct =
                        directQueries(
                                base, end, seconds, ((Number) last.get("bucket")).longValue());
                long[] raw = rawSamples(base, end, seconds);
                System.out.printf(
                        "%s | %.0f ms | %.0f ms | %,d / %,d B | %,d B (%s buckets of %s s) | %.0f ms | %,d samples, %,d B in %,d ms%n",
                        range,
                        ((Number) cold.get("drawn")).doubleValue(),
                        warm.get(warm.size() / 2),
                        ((Number) cold.get("bytes")).longValue(),
                        ((Number) last.get("bytes")).longValue(),
                        ((Number) last.get("dataBytes")).longValue(),
                        last.get("buckets"),
                        last.get("bucket"),
                        direct,
                        raw[0],
                        raw[1],
                        raw[2]);
            }
        } finally {
            driver.quit();
        }
    }

    /**
     * One full page load of the chart; navigation start to the chart drawn, and the bytes moved.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> chartLoad(ChromeDriver driver, String base, String range) {
        driver.get("about:blank");
        driver.get(base + "/console/#/data/bench/meter-1?metrics=power&range=" + range);
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(
                        d ->
                                ((JavascriptExecutor) d)
                                                .executeScript("return window.armatureChart")
                                        != null);
        return (Map<String, Object>)
                driver.executeScript(
                        "const nav = performance.getEntriesByType('navigation')[0];"
                                + "const res = performance.getEntriesByType('resource');"
                                + "return {drawn: window.armatureChart.drawnAt, buckets: window.armatureChart.buckets,"
                                + " bucket: window.armatureChart.bucketSeconds,"
                                + " bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),"
                                + " dataBytes: res.filter(r => r.name.includes('/samples')).reduce((s, r) => s + r.transferSize, 0)};");
    }

    /** The console's query for the range, fetched straight from the API (no browser). */
    static double directQueries(String base, Instant end, long seconds, long bucket)
            throws Exception {
        Instant from = end.minusSeconds(seconds);
        Instant to = end;
        if (bucket % 3600 == 0) {
            from = from.truncatedTo(ChronoUnit.HOURS);
            to = end.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        }
        String url =
                base
                        + SERIES
                        + "?from="
                        + from
                        + "&to="
                        + to
                        + "&bucket=PT"
                        + bucket
                        + "S&agg=avg,count";
        get(url);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            get(url);
            times.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(times);
        return times.get(2);
    }

    /**
     * Every raw sample of the range, paged as the API pages (what a chart without buckets loads).
     */
    static long[] rawSamples(String base, Instant end, long seconds) throws Exception {
        long t0 = System.nanoTime();
        long samples = 0;
        long bytes = 0;
        String cursor = null;
        do {
            String body =
                    get(
                            base
                                    + SERIES
                                    + "?from="
                                    + end.minusSeconds(seconds)
                                    + "&to="
                                    + end
                                    + "&limit=100000"
                                    + (cursor == null ? "" : "&cursor=" + cursor));
            bytes += body.length();
            samples += body.split("\"time\"", -1).length - 1;
            int at = body.lastIndexOf("\"next_cursor\":\"");
            cursor = at < 0 ? null : body.substring(at + 15, body.indexOf('"', at + 15));
        } while (cursor != null);
        return new long[] {samples, bytes, (System.nanoTime() - t0) / 1_000_000};
    }

    static long load(String base, Instant from, Instant to) throws Exception {
        long seconds = Duration.between(from, to).toSeconds();
        for (long i = 0; i < seconds; i += 50_000) {
            StringBuilder body = new StringBuilder(4_500_000).append('[');
            for (long k = i; k < Math.min(seconds, i + 50_000); k++) {
                body.append(k > i ? "," : "")
                        .append("{\"device\":\"meter-1\",\"metric\":\"power\",\"time\":\"")
                        .append(from.plusSeconds(k))
                        .append("\",\"value\":")
                        .append(Math.round(1000 * Math.sin(k / 600.0)) / 10.0)
                        .append('}');
            }
            HttpResponse<String> response =
                    HTTP.send(
                            request(base + "/api/v1/tenants/bench/samples")
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    body.append(']').toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        }
        return seconds;
    }

    /** Until the whole range is stored: the count of one bucket spanning it. */
    static void awaitStored(String base, Instant end, long expected) throws Exception {
        Instant from = end.minus(Duration.ofDays(30));
        for (int i = 0; i < 1200; i++) {
            try {
                String body =
                        get(
                                base
                                        + SERIES
                                        + "?from="
                                        + from
                                        + "&to="
                                        + end
                                        + "&bucket=PT"
                                        + (31 * 86400)
                                        + "S&agg=count");
                long stored = 0;
                var counts = java.util.regex.Pattern.compile("\"count\":(\\d+)").matcher(body);
                while (counts.find()) {
                    stored += Long.parseLong(counts.group(1));
                }
                if (stored >= expected) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the device is registered with its first stored batch
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("samples not stored within 10 min");
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN);
    }

    static String get(String url) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request(url).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
