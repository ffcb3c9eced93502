package io.armature.itest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC devices of the tests: node scripts on {@code @grpc/grpc-js} (installed from npm into
 * {@code target/node-client} once) that load only the {@code .proto} files, so the hub is checked
 * by a client generated from the contract in another language, not by this project's Java stubs.
 */
final class NodeGrpcClients {
    static final Path PROTOS =
            Path.of("../bundles/driver-grpc/src/main/proto").toAbsolutePath().normalize();
    private static final Path DIR = Path.of("target/node-client").toAbsolutePath();

    private NodeGrpcClients() {}

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/node"))
                || Files.isExecutable(Path.of("/usr/local/bin/node"));
    }

    /** Copies the scripts and runs {@code npm install} (once per build). */
    static synchronized void install() throws Exception {
        Files.createDirectories(DIR);
        try (var scripts = Files.list(Path.of("src/test/node"))) {
            for (Path script : scripts.toList()) {
                Files.copy(
                        script,
                        DIR.resolve(script.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        npmInstall(DIR, "@grpc/grpc-js");
    }

    /** {@code npm install} in {@code dir} unless {@code node_modules/<marker>} is there already. */
    static void npmInstall(Path dir, String marker) throws Exception {
        if (Files.isDirectory(dir.resolve("node_modules").resolve(marker))) {
            return;
        }
        Process npm =
                new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new AssertionError("npm install in " + dir + " failed: " + out);
        }
    }

    /** Starts a script; {@link #result} waits for its JSON lines. */
    static Process start(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .start();
    }

    /** The last JSON line the script printed, once it exited. */
    static JsonNode result(Process process, int timeoutSeconds) throws Exception {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node client did not finish within " + timeoutSeconds + " s");
        }
        String out =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String last = out.lines().reduce((a, b) -> b).orElse("");
        try {
            return RuntimeProcess.JSON.readTree(last);
        } catch (Exception e) {
            throw new AssertionError("node client printed no JSON: " + out, e);
        }
    }

    static JsonNode run(String script, String... args) throws Exception {
        return result(start(script, args), 180);
    }

    /** Runs a script that connects with TLS, trusting {@code ca} (a PEM file). */
    static JsonNode runTls(Path ca, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
        builder.environment().put("HUB_CA", ca.toString());
        return result(builder.start(), 60);
    }
}
