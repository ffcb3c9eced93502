package io.armature.itest;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto broker, run by the test on a free port with persistence in a temporary
 * directory (so a restart keeps sessions and queued messages), and its command-line clients {@code
 * mosquitto_pub}/{@code mosquitto_sub} as the devices: no MQTT code of this project on the device
 * side.
 */
final class Mosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process broker;

    private Mosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto"))
                && Files.isExecutable(Path.of("/usr/bin/mosquitto_pub"));
    }

    static Mosquitto start() throws Exception {
        return start("");
    }

    /**
     * A broker with one more listener on {@code tlsPort} serving TLS with certs/cert.pem, key.pem.
     */
    static Mosquitto startWithTls(Path certs, int tlsPort) throws Exception {
        return start(
                "listener "
                        + tlsPort
                        + " 127.0.0.1\ncertfile "
                        + certs.resolve("cert.pem")
                        + "\nkeyfile "
                        + certs.resolve("key.pem")
                        + "\n");
    }

    private static Mosquitto start(String extraListeners) throws Exception {
        Path dir = Files.createTempDirectory("mosquitto");
        int port = TestCertificates.freePort();
        Files.writeString(
                dir.resolve("mosquitto.conf"),
                String.join(
                        "\n",
                        "listener " + port + " 127.0.0.1",
                        "allow_anonymous true",
                        "persistence true",
                        "persistence_location " + dir + "/",
                        // no cap on what is queued for an absent client or in flight to one
                        "max_queued_messages 0",
                        "max_inflight_messages 0",
                        // as root, keep root (the temp directory is root's); no effect otherwise
                        "user root",
                        extraListeners));
        Mosquitto mosquitto = new Mosquitto(dir, port);
        mosquitto.launch();
        return mosquitto;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    void launch() throws Exception {
        broker =
                new ProcessBuilder(
                                "/usr/sbin/mosquitto",
                                "-c",
                                dir.resolve("mosquitto.conf").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("broker.log").toFile())
                        .start();
        RuntimeProcess.await(
                "mosquitto listening on " + port,
                Duration.ofSeconds(10),
                () -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
    }

    /** SIGTERM: the broker saves its persistence file and exits. */
    void stop() throws InterruptedException {
        broker.destroy();
        if (!broker.waitFor(10, TimeUnit.SECONDS)) {
            broker.destroyForcibly().waitFor();
        }
    }

    /** Publishes each line as one message with {@code mosquitto_pub -l}. */
    void publishLines(String topic, int qos, List<String> lines) throws Exception {
        Process pub =
                new ProcessBuilder(
                                "mosquitto_pub",
                                "-h",
                                "127.0.0.1",
                                "-p",
                                String.valueOf(port),
                                "-V",
                                "mqttv5",
                                "-q",
                                String.valueOf(qos),
                                "-t",
                                topic,
                                "-l")
                        .redirectErrorStream(true)
                        .start();
        try (var in = pub.getOutputStream()) {
            in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!pub.waitFor(120, TimeUnit.SECONDS) || pub.exitValue() != 0) {
            throw new AssertionError(
                    "mosquitto_pub failed: " + new String(pub.getInputStream().readAllBytes()));
        }
    }

    /** Publishes one message. */
    void publish(String topic, String payload) throws Exception {
        publishLines(topic, 1, List.of(payload));
    }

    /**
     * Starts {@code mosquitto_sub} for {@code count} messages on a filter; {@link Subscriber#await}
     * returns them (topic and payload, {@code -v}).
     */
    Subscriber subscribe(String filter, int count) throws Exception {
        Process sub =
                new ProcessBuilder(
                                // line-buffered: mosquitto_sub buffers a pipe's output until exit
                                "stdbuf",
                                "-oL",
                                "mosquitto_sub",
                                "-h",
                                "127.0.0.1",
                                "-p",
                                String.valueOf(port),
                                "-V",
                                "mqttv5",
                                "-q",
                                "1",
                                "-v",
                                "-d",
                                "-C",
                                String.valueOf(count),
                                "-W",
                                "60",
                                "-t",
                                filter)
                        .redirectErrorStream(true)
                        .start();
        return new Subscriber(sub);
    }

    /** A running {@code mosquitto_sub}, subscribed once constructed. */
    static final class Subscriber {
        private final Process process;
        private final Thread reader;
        private final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.CountDownLatch subscribed =
                new java.util.concurrent.CountDownLatch(1);

        Subscriber(Process process) throws InterruptedException {
            this.process = process;
            reader =
                    new Thread(
                            () -> {
                                try (var lines =
                                        new java.io.BufferedReader(
                                                new java.io.InputStreamReader(
                                                        process.getInputStream(),
                                                        StandardCharsets.UTF_8))) {
                                    String line;
                                    while ((line = lines.readLine()) != null) {
                                        if (line.startsWith("Client ")
                                                || line.startsWith("Subscribed (mid")) {
                                            if (line.contains("SUBACK")) {
                                                subscribed.countDown();
                                            }
                                        } else {
                                            messages.add(line);
                                        }
                                    }
                                } catch (IOException e) {
                                    // process ended
                                }
                            },
                            "mosquitto_sub-reader");
            reader.setDaemon(true);
            reader.start();
            if (!subscribed.await(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mosquitto_sub did not subscribe");
            }
        }

        /** The messages ({@code topic payload}) once the count arrived. */
        List<String> await() throws Exception {
            if (!process.waitFor(70, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mosquitto_sub got too few messages in time: " + messages);
            }
            reader.join(10_000);
            return new ArrayList<>(messages);
        }
    }

    @Override
    public void close() throws Exception {
        if (broker != null && broker.isAlive()) {
            stop();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files
        }
    }
}
