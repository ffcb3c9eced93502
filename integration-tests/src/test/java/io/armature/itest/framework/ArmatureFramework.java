package io.armature.itest.framework;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * Boots Felix in the test JVM with exactly the bundles of the assembled runtime's demo profile
 * (read from its feature files, installed from its {@code system/}), and the framework properties
 * the launcher sets. Tests get the real services injected.
 */
public abstract class ArmatureFramework {
    /**
     * The HTTP port of the framework under test, chosen once per JVM. Kept in a system property:
     * this class is loaded twice, by the test runner and inside the probe bundle.
     */
    protected static final int PORT = port();

    private static synchronized int port() {
        Integer port = Integer.getInteger("armature.itest.port");
        if (port == null) {
            port = freePort();
            System.setProperty("armature.itest.port", String.valueOf(port));
        }
        return port;
    }

    @Configuration
    public Option[] config() throws IOException {
        Path runtime =
                Path.of(System.getProperty("armature.runtime.dir", "../runtime/target/armature"))
                        .toAbsolutePath()
                        .normalize();
        // config() runs when the test class is discovered, maybe before any other test made the
        // directory
        Path work =
                Files.createDirectories(Path.of(System.getProperty("armature.work.dir", "target")));
        Path scratch = Files.createTempDirectory(work, "framework-");
        Files.createDirectories(scratch.resolve("deploy"));
        List<Option> options = new ArrayList<>();
        for (String feature : List.of("armature-base", "armature-webconsole")) {
            JsonNode json =
                    new ObjectMapper()
                            .readTree(runtime.resolve("features/" + feature + ".json").toFile());
            for (JsonNode b : json.get("bundles")) {
                String[] id = b.get("id").asText().split(":");
                Path jar =
                        runtime.resolve("system")
                                .resolve(id[0].replace('.', '/'))
                                .resolve(id[1])
                                .resolve(id[2])
                                .resolve(id[1] + "-" + id[2] + ".jar");
                options.add(
                        bundle("reference:" + jar.toUri())
                                .startLevel(b.path("start-order").asInt(4)));
            }
        }
        options.add(junitBundles());
        options.add(cleanCaches());
        options.add(systemPackages(slf4jExports().split(",(?=[a-z])")));
        options.add(
                systemProperty("org.ops4j.pax.url.mvn.localRepository")
                        .value(System.getProperty("user.home") + "/.m2/repository"));
        options.add(frameworkProperty("armature.home").value(runtime.toString()));
        options.add(frameworkProperty("armature.data").value(scratch.resolve("data").toString()));
        options.add(frameworkProperty("armature.profile").value("demo"));
        options.add(frameworkProperty("felix.cm.dir").value(scratch.resolve("config").toString()));
        options.add(
                frameworkProperty("felix.fileinstall.dir")
                        .value(scratch.resolve("deploy").toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("200"));
        options.add(frameworkProperty("org.osgi.service.http.port").value(String.valueOf(PORT)));
        return options.toArray(new Option[0]);
    }

    /** The packages slf4j-api exports, as the launcher does: logging sits on the class path. */
    private static String slf4jExports() throws IOException {
        try (JarFile jar =
                new JarFile(
                        new File(
                                org.slf4j.LoggerFactory.class
                                        .getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .getPath()))) {
            return jar.getManifest()
                    .getMainAttributes()
                    .getValue("Export-Package")
                    .replaceAll(";uses:=\"[^\"]*\"", "");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request to the framework's HTTP port, once it serves: status and body. */
    protected static String[] http(String method, String path, String json) throws IOException {
        try {
            await(
                    "HTTP up",
                    () -> {
                        try {
                            return request("GET", "/health", null)[0].equals("200");
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return request(method, path, json);
    }

    private static String[] request(String method, String path, String json) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) new URL("http://127.0.0.1:" + PORT + path).openConnection();
        connection.setRequestMethod(method);
        String token = adminToken();
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        return new String[] {
            String.valueOf(status),
            body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8)
        };
    }

    /** The admin token the security bundle created at its first start, once it did. */
    private static String adminToken() throws IOException {
        String data =
                org.osgi.framework.FrameworkUtil.getBundle(ArmatureFramework.class)
                        .getBundleContext()
                        .getProperty("armature.data");
        Path file = Path.of(data, "secrets", "admin.token");
        return Files.exists(file) ? Files.readString(file).strip() : null;
    }

    /** Polls until the condition holds, for at most ten seconds. */
    protected static void await(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
