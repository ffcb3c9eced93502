package io.armature.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real runtime: a private copy of the assembled {@code runtime/target/armature} started as its
 * own process through {@code bin/armature}, talked to over HTTP, stopped with SIGTERM.
 */
public final class RuntimeProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path home;
    private final int port;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    /** The bearer token every request helper sends (the first start's admin token). */
    private volatile String token;

    private RuntimeProcess(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
        reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    output.append(line).append('\n');
                                }
                            } catch (IOException ignored) {
                                // process ended
                            }
                        },
                        "runtime-output-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    /** A fresh copy of the assembled runtime. */
    public static Path freshHome() throws IOException {
        Path source =
                Path.of(System.getProperty("armature.runtime.dir", "../runtime/target/armature"));
        if (!Files.isExecutable(source.resolve("bin/armature"))) {
            throw new IllegalStateException(
                    "no assembled runtime at " + source + ": build the runtime module first");
        }
        Path work = Path.of(System.getProperty("armature.work.dir", "target/runtimes"));
        Path home = work.resolve(UUID.randomUUID().toString().substring(0, 8));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = home.resolve(source.relativize(file).toString());
                boolean state =
                        file.startsWith(source.resolve("data"))
                                || file.startsWith(source.resolve("logs"));
                if (state
                        && !file.equals(source.resolve("data"))
                        && !file.equals(source.resolve("logs"))) {
                    continue; // state of a runtime started in place (a database, a spool...)
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return home;
    }

    /** Starts a fresh runtime and waits until it announces readiness. */
    public static RuntimeProcess start(String... args) throws Exception {
        return start(freshHome(), Map.of(), args);
    }

    /** Starts the runtime of an existing home (for restart tests). */
    public static RuntimeProcess start(Path home, Map<String, String> env, String... args)
            throws Exception {
        int port = freePort();
        RuntimeProcess runtime = new RuntimeProcess(home, port, launch(home, env, port, args));
        try {
            runtime.awaitOutput("ready in", Duration.ofSeconds(90));
            runtime.token = adminToken(home);
        } catch (AssertionError | InterruptedException e) {
            runtime.process
                    .toHandle()
                    .destroyForcibly(); // a runtime that never got ready must not linger
            throw e;
        }
        return runtime;
    }

    /** Runs the launcher to its exit (for start-up failures): exit code and output. */
    public static Map.Entry<Integer, String> runToExit(
            Path home, Map<String, String> env, String... args) throws Exception {
        int port = freePort();
        RuntimeProcess runtime = new RuntimeProcess(home, port, launch(home, env, port, args));
        if (!runtime.process.waitFor(60, TimeUnit.SECONDS)) {
            runtime.close();
            throw new AssertionError("launcher did not exit:\n" + runtime.output);
        }
        runtime.reader.join(10_000);
        return Map.entry(runtime.process.exitValue(), runtime.output.toString());
    }

    private static Process launch(Path home, Map<String, String> env, int port, String... args)
            throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                home.resolve("bin/armature").toString(),
                                "--port",
                                String.valueOf(port)));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment()
                .put("ARMATURE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output.toString().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "runtime exited with " + process.exitValue() + ":\n" + output);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("runtime not ready after " + timeout + ":\n" + output);
            }
            Thread.sleep(50);
        }
    }

    public Path home() {
        return home;
    }

    /**
     * The admin token the runtime created at its first start ({@code data/secrets/admin.token}).
     */
    public static String adminToken(Path home) throws IOException {
        return Files.readString(home.resolve("data/secrets/admin.token")).strip();
    }

    /** The token the request helpers send. */
    public String token() {
        return token;
    }

    /** Sends {@code token} (null: no credentials) with every request helper from now on. */
    public void useToken(String token) {
        this.token = token;
    }

    /** A request to this runtime with the current token, for requests the helpers do not cover. */
    public HttpRequest.Builder requestTo(String path) {
        return request(path);
    }

    /** Sends a request built with {@link #requestTo}. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(request.build());
    }

    /** {@code http://127.0.0.1:<port>} of this runtime. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path deploy() {
        return home.resolve("deploy");
    }

    public String output() {
        return output.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    public JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> put(String path, String json) throws Exception {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body)
            throws Exception {
        return send(
                request(path)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
    }

    /** POSTs a file as multipart/form-data field {@code file}. */
    public HttpResponse<String> postMultipart(String path, String fileName, byte[] content)
            throws Exception {
        String boundary = "----armature" + UUID.randomUUID();
        byte[] head =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + fileName
                                + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return post(path, "multipart/form-data; boundary=" + boundary, body);
    }

    public HttpResponse<String> patch(String path, String json) throws Exception {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A condition polled by {@link #await}; an exception counts as "not yet". */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds or fails the test with the description. */
    public static void await(String description, Duration timeout, Check check)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(check)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "timed out after " + timeout + " waiting for: " + description);
            }
            Thread.sleep(100);
        }
    }

    private static boolean holds(Check check) {
        try {
            return check.holds();
        } catch (Exception e) {
            return false;
        }
    }

    /** Sends SIGTERM and returns the exit code once the process and its output have ended. */
    /** SIGKILL: the JVM dies at once, as in a crash (no shutdown hook, no drain). */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
    }

    public int stop() throws InterruptedException {
        // Process.destroy() would also close our end of the output pipe and lose the last lines
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("runtime did not stop within 60 s after SIGTERM");
        }
        reader.join(10_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
