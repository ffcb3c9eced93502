package io.armature.itest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * An OPC UA server that has nothing to do with Eclipse Milo: {@code src/test/node-opcua/
 * boiler-server.js} on node-opcua from npm (installed into {@code target/node-opcua-server} once),
 * with a {@code Boiler} object of changing Double, UInt32 and Boolean variables and a writable
 * {@code Setpoint}, in namespace 1.
 */
final class NodeOpcUaServer implements AutoCloseable {
    private static final Path DIR = Path.of("target/node-opcua-server").toAbsolutePath();

    private final Process process;
    private final String url;

    private NodeOpcUaServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static boolean available() {
        return NodeGrpcClients.available();
    }

    static NodeOpcUaServer start() throws Exception {
        install();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process =
                new ProcessBuilder(
                                "node",
                                DIR.resolve("boiler-server.js").toString(),
                                String.valueOf(port))
                        .directory(DIR.toFile())
                        .redirectErrorStream(true)
                        .start();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (line.startsWith("{")) {
                JsonNode status = RuntimeProcess.JSON.readTree(line);
                if (!status.path("ready").asBoolean()) {
                    process.destroyForcibly();
                    throw new AssertionError("node-opcua server failed: " + seen);
                }
                Thread drain =
                        new Thread(
                                () -> {
                                    try {
                                        while (out.readLine() != null) {
                                            // keep the pipe from filling
                                        }
                                    } catch (Exception e) {
                                        // process ended
                                    }
                                },
                                "node-opcua-output");
                drain.setDaemon(true);
                drain.start();
                return new NodeOpcUaServer(process, status.get("url").asText());
            }
        }
        throw new AssertionError("node-opcua server exited before it was ready: " + seen);
    }

    private static synchronized void install() throws Exception {
        Files.createDirectories(DIR);
        for (String file : new String[] {"package.json", "boiler-server.js"}) {
            Files.copy(
                    Path.of("src/test/node-opcua").resolve(file),
                    DIR.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        NodeGrpcClients.npmInstall(DIR, "node-opcua");
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
