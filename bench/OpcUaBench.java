import io.armature.itest.MiloTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * OPC UA driver throughput and latency against a Milo server SDK test server in this JVM with N
 * Double variables that all change every 100 ms:
 *
 * <ul>
 *   <li>baseline: a plain Milo client in this JVM, one subscription of the N items at 100 ms
 *       publishing and sampling, counting data change notifications for the window;
 *   <li>Armature: an opcua driver instance with the same N nodes and intervals; samples/s = rows
 *       committed to the embedded PostgreSQL during the same-length window; latency = for 10 of the
 *       series, the commit-side clock_timestamp() of each row (a row trigger) minus the value's
 *       source timestamp set by the server when it changed the value.
 * </ul>
 *
 * Arguments: base url, jdbc url, items, window seconds. ARMATURE_TOKEN and ARMATURE_DB_PASSWORD
 * come from the environment (see opcua.sh).
 */
public final class OpcUaBench {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = System.getenv("ARMATURE_TOKEN");
    private static final String DB_PASSWORD = System.getenv("ARMATURE_DB_PASSWORD");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        int items = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        try (MiloTestServer server = MiloTestServer.start(items)) {
            List<Double> clientLatencies =
                    java.util.Collections.synchronizedList(new ArrayList<>());
            double baseline = baseline(server.url(), items, window, clientLatencies);
            List<Double> sortedClient = new ArrayList<>(clientLatencies);
            java.util.Collections.sort(sortedClient);
            System.out.printf(
                    "baseline: plain Milo client, %d items at 100 ms: %.0f notifications/s%n",
                    items, baseline);
            System.out.printf(
                    "baseline latency server change -> client notified, %d values: median %.0f ms,"
                            + " p99 %.0f ms%n",
                    sortedClient.size(),
                    percentile(sortedClient, 0.5),
                    percentile(sortedClient, 0.99));
            StringBuilder nodes = new StringBuilder();
            for (int i = 0; i < items; i++) {
                nodes.append(i == 0 ? "" : ",")
                        .append("\"ns=2;s=Machine.Load.")
                        .append(i)
                        .append(" bench load_")
                        .append(i)
                        .append('"');
            }
            post(
                    base,
                    "/api/v1/drivers",
                    "{\"id\": \"opcua-bench\", \"type\": \"opcua\", \"config\": {\"endpointUrl\": \""
                            + server.url()
                            + "\", \"tenant\": \"bench\", \"publishingIntervalMillis\": 100, \"samplingIntervalMillis\": 100,"
                            + " \"queueSize\": 10, \"nodes\": ["
                            + nodes
                            + "]}}");
            try (Connection db = DriverManager.getConnection(jdbc, "postgres", DB_PASSWORD)) {
                awaitRows(db);
                db.createStatement()
                        .execute(
                                "CREATE TABLE IF NOT EXISTS public.opcua_latency (time timestamptz, stored_at timestamptz)");
                db.createStatement()
                        .execute(
                                "CREATE OR REPLACE FUNCTION public.opcua_latency_row() RETURNS trigger LANGUAGE plpgsql AS"
                                        + " $$ BEGIN INSERT INTO public.opcua_latency VALUES (NEW.time, clock_timestamp()); RETURN NEW; END $$");
                db.createStatement()
                        .execute(
                                "CREATE TRIGGER opcua_latency AFTER INSERT ON t_bench.samples FOR EACH ROW WHEN (NEW.series_id <= 10)"
                                        + " EXECUTE FUNCTION public.opcua_latency_row()");
                Thread.sleep(3_000);
                long before = count(db);
                long start = System.nanoTime();
                Thread.sleep(window * 1000L);
                long after = count(db);
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = (after - before) / seconds;
                List<Double> latencies = new ArrayList<>();
                try (ResultSet r =
                        db.createStatement()
                                .executeQuery(
                                        "SELECT extract(epoch FROM stored_at - time) * 1000 FROM public.opcua_latency ORDER BY 1")) {
                    while (r.next()) {
                        latencies.add(r.getDouble(1));
                    }
                }
                System.out.printf(
                        "armature: opcua driver, %d items at 100 ms: %.0f samples/s stored (%d rows in %.1f s)%n",
                        items, rate, after - before, seconds);
                System.out.printf("ratio armature/baseline: %.2f%n", rate / baseline);
                System.out.printf(
                        "latency server change -> stored, %d samples: median %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        latencies.size(),
                        percentile(latencies, 0.5),
                        percentile(latencies, 0.99),
                        latencies.get(latencies.size() - 1));
                System.out.println(driver(base));
            }
        }
    }

    private static double baseline(String url, int items, int window, List<Double> latencies)
            throws Exception {
        OpcUaClient client = OpcUaClient.create(url);
        client.connect();
        AtomicLong received = new AtomicLong();
        OpcUaSubscription subscription = new OpcUaSubscription(client, 100.0);
        subscription.setSubscriptionListener(
                new OpcUaSubscription.SubscriptionListener() {
                    @Override
                    public void onDataReceived(
                            OpcUaSubscription s,
                            List<OpcUaMonitoredItem> its,
                            List<DataValue> values) {
                        received.addAndGet(values.size());
                        long now = System.currentTimeMillis();
                        for (int i = 0; i < its.size(); i++) {
                            Object handle = its.get(i).getUserObject().orElse(null);
                            if (handle != null && values.get(i).sourceTime() != null) {
                                latencies.add(
                                        (double) (now - values.get(i).sourceTime().getJavaTime()));
                            }
                        }
                    }
                });
        subscription.create();
        List<OpcUaMonitoredItem> monitored = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            OpcUaMonitoredItem item =
                    OpcUaMonitoredItem.newDataItem(new NodeId(2, "Machine.Load." + i));
            item.setSamplingInterval(100.0);
            item.setQueueSize(
                    org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(10));
            if (i < 10) {
                item.setUserObject(i);
            }
            monitored.add(item);
        }
        subscription.addMonitoredItems(monitored);
        subscription.createMonitoredItems();
        Thread.sleep(3_000);
        long before = received.get();
        long start = System.nanoTime();
        Thread.sleep(window * 1000L);
        double rate = (received.get() - before) / ((System.nanoTime() - start) / 1e9);
        subscription.delete();
        client.disconnect();
        return rate;
    }

    private static void awaitRows(Connection db) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (count(db) > 0) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                // the tenant's schema does not exist yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "no sample stored within 60 s: " + driver(System.getProperty("base", "")));
    }

    private static long count(Connection db) throws Exception {
        try (ResultSet r =
                db.createStatement().executeQuery("SELECT count(*) FROM t_bench.samples")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    private static void post(String base, String path, String body) throws Exception {
        HttpResponse<String> answer =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String driver(String base) throws Exception {
        if (base.isEmpty()) {
            return "";
        }
        String body =
                HTTP.send(
                                HttpRequest.newBuilder(
                                                URI.create(base + "/api/v1/drivers/opcua-bench"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        int nodes = body.indexOf("\"nodes\"");
        return nodes > 0 ? body.substring(0, nodes) : body;
    }
}
