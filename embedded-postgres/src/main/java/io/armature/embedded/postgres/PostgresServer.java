package io.armature.embedded.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One PostgreSQL server on a data directory, run with the server's own tools: {@code initdb} for a
 * new cluster, {@code pg_ctl start -w} (which returns once the server accepts connections), and a
 * fast shutdown to stop. The settings are PostgreSQL's durable defaults (fsync, synchronous commit,
 * full-page writes on), TCP on 127.0.0.1 only, no Unix socket, UTC.
 *
 * <p>PostgreSQL refuses to run as root. As root (containers, CI), every command runs in a new user
 * namespace ({@code unshare -U}, util-linux), where the process is not root: the files stay owned
 * by root, which is the owner the server then sees.
 */
final class PostgresServer {
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final boolean ROOT = isRoot();

    private final Path bin;
    private final Path directory;
    private final Path log;
    private final int port;

    PostgresServer(Path bin, Path directory, Path log, int port, Path passwordFile) {
        this.bin = bin;
        this.directory = directory;
        this.log = log;
        this.port = port;
        this.passwordFile = passwordFile;
    }

    private final Path passwordFile;

    /**
     * Creates the cluster when the directory holds none (user {@code postgres} with a random
     * password in {@code passwordFile}, scram-sha-256 for every connection), then starts the server
     * and waits. A cluster created by an older runtime with {@code trust} gets a password and
     * scram-sha-256 first.
     */
    void start() throws IOException {
        if (!Files.exists(directory.resolve("PG_VERSION"))) {
            Files.createDirectories(directory);
            DatabasePassword.create(passwordFile);
            run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-A",
                            "scram-sha-256",
                            "--pwfile=" + passwordFile,
                            "-U",
                            "postgres",
                            "-E",
                            "UTF-8",
                            "--no-locale",
                            "-D",
                            directory.toString()),
                    Duration.ofSeconds(120),
                    null);
        } else if (!Files.exists(passwordFile) || DatabasePassword.trusts(directory)) {
            String password = DatabasePassword.create(passwordFile);
            run(
                    List.of(
                            bin.resolve("postgres").toString(),
                            "--single",
                            "-D",
                            directory.toString(),
                            "postgres"),
                    Duration.ofSeconds(120),
                    "ALTER USER postgres PASSWORD '" + password + "';\n");
            DatabasePassword.requireScram(directory);
        }
        Files.createDirectories(log.getParent());
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        directory.toString(),
                        "-l",
                        log.toString(),
                        "-w",
                        "-t",
                        String.valueOf(STARTUP_WAIT.toSeconds()),
                        "-o",
                        "-p "
                                + port
                                + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                                + " -c timezone=UTC",
                        "start"),
                STARTUP_WAIT.plusSeconds(10),
                null);
    }

    /** Fast shutdown (open transactions rolled back, a checkpoint written); waits until gone. */
    void stop() throws IOException {
        Postmaster.shutDown(directory);
    }

    private static void run(List<String> command, Duration timeout, String input)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        byte[] output;
        try {
            output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    Path.of(command.get(0)).getFileName()
                            + " failed with exit code "
                            + process.exitValue()
                            + ": "
                            + new String(output, java.nio.charset.StandardCharsets.UTF_8).trim()
                            + (ROOT
                                    ? " (as root the server runs through 'unshare -U'; it needs"
                                            + " util-linux and user namespaces)"
                                    : ""));
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException e) {
            // not Linux: fall back to the name
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
