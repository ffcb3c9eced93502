import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.postgresql.PGConnection;

/**
 * Driver throughput into the demo runtime's embedded PostgreSQL, each next to its baseline measured
 * in the same run:
 *
 * <pre>
 * grpc &lt;base url&gt; &lt;jdbc&gt; &lt;node client dir&gt; &lt;proto dir&gt; &lt;samples&gt; &lt;per batch&gt;
 *   a separate node process streams armature.hub.v1 batches; samples/s from the first batch sent
 *   to the last sample committed, next to raw binary COPY of the same rows in batches of the same
 *   size into a table like the samples table.
 * mqtt &lt;base url&gt; &lt;jdbc&gt; &lt;broker port&gt; &lt;messages&gt; &lt;samples per message&gt;
 *   a Paho publisher sends JSON messages at QoS 1 to Mosquitto; samples/s through the MQTT driver
 *   to the last sample committed, next to the broker's own publish-to-subscribe throughput for the
 *   same messages at QoS 1 (a Paho subscriber) in the same run.
 * </pre>
 *
 * ARMATURE_TOKEN and ARMATURE_DB_PASSWORD come from the environment (see grpc.sh / mqtt.sh).
 */
public final class DriverBench {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = System.getenv("ARMATURE_TOKEN");
    private static final String DB_PASSWORD = System.getenv("ARMATURE_DB_PASSWORD");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("grpc")) {
            grpc(
                    args[1],
                    args[2],
                    Path.of(args[3]),
                    Path.of(args[4]),
                    Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
        } else if (args[0].equals("device")) {
            device(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
        } else {
            mqtt(
                    args[1],
                    args[2],
                    Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
        }
    }

    static void grpc(String base, String jdbc, Path node, Path protos, int samples, int perBatch)
            throws Exception {
        int port = freePort();
        createDriver(
                base,
                "{\"id\": \"bench-hub\", \"type\": \"grpc\", \"config\": {\"port\": " + port + "}}",
                "bench-hub");
        long start = Instant.now().minusSeconds(7200).toEpochMilli();
        int batches = samples / perBatch;
        long t0 = System.nanoTime();
        Process client =
                new ProcessBuilder(
                                "node",
                                node.resolve("hub-v1-device.js").toString(),
                                protos.resolve("armature_hub_v1.proto").toString(),
                                "127.0.0.1:" + port,
                                TOKEN,
                                "batches",
                                "bench",
                                "gw",
                                String.valueOf(batches),
                                String.valueOf(perBatch),
                                String.valueOf(start))
                        .redirectErrorStream(true)
                        .start();
        String out =
                new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        client.waitFor();
        double clientSeconds = (System.nanoTime() - t0) / 1e9;
        long total = (long) batches * perBatch;
        awaitStored(jdbc, total);
        double armature = total / ((System.nanoTime() - t0) / 1e9);
        double raw = rawCopy(jdbc, start, total, perBatch);
        System.out.printf("client (node, separate process): %s%n", out);
        System.out.printf(
                "samples %,d in %,d batches of %,d (one stream); client done in %.2f s%n",
                total, batches, perBatch, clientSeconds);
        System.out.printf(
                "gRPC batched -> PostgreSQL        %,12.0f samples/s (to the last commit)%n",
                armature);
        System.out.printf("raw binary COPY, same rows        %,12.0f samples/s%n", raw);
        System.out.printf(
                "ratio                             %12.0f %% of raw COPY (target >= 50 %%)%n",
                100 * armature / raw);
    }

    /**
     * bin/armature-device as the external client: one temperature sensor streamed as fast as the
     * hub acknowledges (batches of up to 1,000), next to raw binary COPY in batches of 1,000.
     */
    static void device(String base, String jdbc, Path script, int samples) throws Exception {
        int port = freePort();
        createDriver(
                base,
                "{\"id\": \"bench-hub\", \"type\": \"grpc\", \"config\": {\"port\": " + port + "}}",
                "bench-hub");
        Path sensors = java.nio.file.Files.createTempFile("bench-sensors", ".json");
        java.nio.file.Files.writeString(
                sensors,
                "[{\"sensor_identifier\": \"t\", \"sensor_type\": \"temperature\", \"sampling_interval\": 1}]");
        long t0 = System.nanoTime();
        ProcessBuilder builder =
                new ProcessBuilder(
                                script.toString(),
                                "--url",
                                base,
                                "--hub",
                                "127.0.0.1:" + port,
                                "--tenant",
                                "bench",
                                "--device",
                                "sim",
                                "--sensors",
                                sensors.toString(),
                                "--rate",
                                "0",
                                "--count",
                                String.valueOf(samples))
                        .redirectErrorStream(true);
        builder.environment().put("ARMATURE_TOKEN", TOKEN);
        Process client = builder.start();
        String out =
                new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        client.waitFor();
        double clientSeconds = (System.nanoTime() - t0) / 1e9;
        awaitStored(jdbc, samples);
        double armature = samples / ((System.nanoTime() - t0) / 1e9);
        double raw = rawCopy(jdbc, Instant.now().minusSeconds(7200).toEpochMilli(), samples, 1_000);
        String summary =
                java.util.Arrays.stream(out.split("\n"))
                        .filter(l -> l.startsWith("done:"))
                        .findFirst()
                        .orElse(out);
        System.out.printf("client (bin/armature-device): %s%n", summary);
        System.out.printf(
                "samples %,d, client done in %.2f s (JVM start included)%n",
                samples, clientSeconds);
        System.out.printf(
                "armature-device -> hub -> PostgreSQL %,9.0f samples/s (to the last commit)%n",
                armature);
        System.out.printf("raw binary COPY, batches of 1,000   %,9.0f samples/s%n", raw);
        System.out.printf(
                "ratio                               %9.0f %% of raw COPY%n", 100 * armature / raw);
    }

    static void mqtt(String base, String jdbc, int brokerPort, int messages, int perMessage)
            throws Exception {
        long start = Instant.now().minusSeconds(7200).toEpochMilli();
        List<String> lines = new ArrayList<>(messages);
        for (int m = 0; m < messages; m++) {
            StringBuilder line = new StringBuilder("[");
            for (int i = 0; i < perMessage; i++) {
                long n = (long) m * perMessage + i;
                line.append(i == 0 ? "" : ",")
                        .append("{\"device\":\"dev-")
                        .append(m % 100)
                        .append("\",\"metric\":\"m\",\"time\":")
                        .append(start + n)
                        .append(",\"value\":")
                        .append(n % 1000)
                        .append(".5}");
            }
            lines.add(line.append(']').toString());
        }
        int size = lines.get(0).getBytes(StandardCharsets.UTF_8).length;
        String broker = "tcp://127.0.0.1:" + brokerPort;

        // the broker alone: a publisher -> mosquitto -> a subscriber, QoS 1 both ways, the same
        // client library and messages as below (mosquitto_pub -l loses messages at this rate)
        MqttAsyncClient subscriber =
                new MqttAsyncClient(broker, "bench-baseline-sub", new MemoryPersistence());
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(messages);
        subscriber.setCallback(
                new MqttCallback() {
                    public void disconnected(MqttDisconnectResponse r) {}

                    public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {}

                    public void messageArrived(String topic, MqttMessage message) {
                        all.countDown();
                    }

                    public void deliveryComplete(IMqttToken token) {}

                    public void connectComplete(boolean reconnect, String uri) {}

                    public void authPacketArrived(
                            int code, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {}
                });
        MqttConnectionOptions subOptions = new MqttConnectionOptions();
        subOptions.setReceiveMaximum(2000);
        subscriber.connect(subOptions).waitForCompletion(10_000);
        subscriber.subscribe("baseline/json", 1).waitForCompletion(10_000);
        long b0 = System.nanoTime();
        publish(broker, "baseline/json", lines);
        if (!all.await(600, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the subscriber did not get every message");
        }
        double brokerRate = (double) messages * perMessage / ((System.nanoTime() - b0) / 1e9);
        subscriber.disconnect().waitForCompletion(5_000);
        subscriber.close();

        createDriver(
                base,
                "{\"id\": \"bench-mqtt\", \"type\": \"mqtt\", \"config\": {\"brokerUri\": \"tcp://127.0.0.1:"
                        + brokerPort
                        + "\", \"subscriptions\": [\"bench/{tenant}/json json\"]}}",
                "bench-mqtt");
        long t0 = System.nanoTime();
        publish(broker, "bench/bench/json", lines);
        long total = (long) messages * perMessage;
        awaitStored(jdbc, total);
        double armature = total / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(
                "messages %,d of %,d samples each (%,d bytes of JSON), QoS 1, one Paho publisher, 1,000 in flight%n",
                messages, perMessage, size);
        System.out.printf(
                "MQTT driver -> PostgreSQL          %,12.0f samples/s (%,.0f messages/s, to the last commit)%n",
                armature, armature / perMessage);
        System.out.printf(
                "broker pub -> sub, same messages   %,12.0f samples/s (%,.0f messages/s)%n",
                brokerRate, brokerRate / perMessage);
        System.out.printf(
                "ratio                              %12.0f %% of the broker's own (target >= 80 %%)%n",
                100 * armature / brokerRate);
    }

    /** Publishes every line at QoS 1 with at most 1,000 messages awaiting their PUBACK. */
    private static void publish(String broker, String topic, List<String> lines) throws Exception {
        MqttAsyncClient publisher =
                new MqttAsyncClient(
                        broker, "bench-pub-" + topic.hashCode(), new MemoryPersistence());
        publisher.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(1000);
        MqttActionListener release =
                new MqttActionListener() {
                    public void onSuccess(IMqttToken token) {
                        window.release();
                    }

                    public void onFailure(IMqttToken token, Throwable e) {
                        window.release();
                        System.err.println("publish failed: " + e);
                    }
                };
        for (String line : lines) {
            window.acquire();
            MqttMessage message = new MqttMessage(line.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            publisher.publish(topic, message, null, release);
        }
        window.acquire(1000);
        publisher.disconnect().waitForCompletion(5_000);
        publisher.close();
    }

    private static void createDriver(String base, String body, String id) throws Exception {
        HttpResponse<String> created =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("driver not created: " + created.body());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String state =
                    HTTP.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(base + "/api/v1/drivers/" + id))
                                            .header("Authorization", "Bearer " + TOKEN)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            if (state.contains("\"state\":\"running\"")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("driver " + id + " not running");
    }

    private static void awaitStored(String jdbc, long expected) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", DB_PASSWORD)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (ResultSet r =
                        c.createStatement().executeQuery("SELECT count(*) FROM t_bench.samples")) {
                    r.next();
                    if (r.getLong(1) >= expected) {
                        return;
                    }
                } catch (java.sql.SQLException e) {
                    // the tenant's schema does not exist yet
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("not every sample was stored within 10 minutes");
    }

    /**
     * The same rows (one series, the same times and values) by binary COPY, in the same batches.
     */
    private static double rawCopy(String jdbc, long startMillis, long total, int perBatch)
            throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", DB_PASSWORD)) {
            c.createStatement().execute("DROP TABLE IF EXISTS t_bench.raw_copy");
            c.createStatement()
                    .execute(
                            "CREATE TABLE t_bench.raw_copy (LIKE t_bench.samples INCLUDING ALL) PARTITION BY RANGE (time)");
            c.createStatement()
                    .execute(
                            "CREATE TABLE t_bench.raw_copy_all PARTITION OF t_bench.raw_copy FOR VALUES FROM (MINVALUE) TO (MAXVALUE)");
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long pgEpochMicros = 946_684_800_000_000L;
            long t0 = System.nanoTime();
            for (long from = 0; from < total; from += perBatch) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(perBatch * 32 + 32);
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeBytes("PGCOPY\n");
                out.write(new byte[] {(byte) 0xff, '\r', '\n', 0});
                out.writeInt(0);
                out.writeInt(0);
                for (long n = from; n < Math.min(total, from + perBatch); n++) {
                    out.writeShort(3);
                    out.writeInt(4);
                    out.writeInt(1);
                    out.writeInt(8);
                    out.writeLong((startMillis + n) * 1000 - pgEpochMicros);
                    out.writeInt(8);
                    out.writeDouble(n);
                }
                out.writeShort(-1);
                copy.copyIn(
                        "COPY t_bench.raw_copy (series_id, time, value) FROM STDIN (FORMAT BINARY)",
                        new ByteArrayInputStream(bytes.toByteArray()));
                c.commit();
            }
            double rate = total / ((System.nanoTime() - t0) / 1e9);
            c.createStatement().execute("DROP TABLE t_bench.raw_copy");
            c.commit();
            return rate;
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
