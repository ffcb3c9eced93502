package io.armature.itest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Debian PostgreSQL server of this machine (the newest {@code /usr/lib/postgresql/<major>/bin},
 * or {@code ARMATURE_TEST_PG_BIN}), run by the test in a temporary data directory on a free port.
 * As root it runs as the {@code postgres} user (the server refuses root). It can be stopped
 * cleanly, killed like a crash (SIGKILL of the postmaster and every backend) and started again on
 * the same data and port.
 */
final class DebianPostgres implements AutoCloseable {
    static final Path BIN = serverBinaries();
    private final Path data;
    private final int port;

    /**
     * The server binaries: {@code ARMATURE_TEST_PG_BIN} if set, else the newest {@code
     * /usr/lib/postgresql/<major>/bin} that has a {@code postgres} (Debian's layout); null when
     * there is none.
     */
    static Path serverBinaries() {
        String configured = System.getenv("ARMATURE_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (var majors = Files.list(root)) {
            return majors.map(p -> p.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("postgres")))
                    .max(
                            java.util.Comparator.comparingInt(
                                    bin -> {
                                        String major = bin.getParent().getFileName().toString();
                                        return major.matches("\\d+") ? Integer.parseInt(major) : -1;
                                    }))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private DebianPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** A new cluster (initdb), started. */
    static DebianPostgres create() throws Exception {
        if (BIN == null) {
            throw new IllegalStateException(
                    "no PostgreSQL server binaries: set ARMATURE_TEST_PG_BIN to their directory or"
                            + " install Debian's postgresql package (.ci/run does)");
        }
        Path root = Files.createTempDirectory("armature-pg15");
        Path data = root.resolve("data");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DebianPostgres server = new DebianPostgres(data, port);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", root.toString()));
        }
        server.asOwner(
                BIN.resolve("initdb").toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF-8",
                "-D",
                data.toString());
        server.start();
        return server;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void start() throws Exception {
        asOwner(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                data.resolveSibling("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p "
                        + port
                        + " -k "
                        + data.getParent()
                        + " -c listen_addresses=127.0.0.1 -c fsync=on",
                "start");
        try (Connection ignored = DriverManager.getConnection(url(), "postgres", "")) {
            // accepting connections
        }
    }

    /** SIGKILL to the postmaster and all its processes: a crash, no shutdown checkpoint. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        postmaster.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        for (ProcessHandle child : all) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    void stop() throws Exception {
        asOwner(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-m",
                "fast",
                "-w",
                "stop");
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                stop();
            }
        } catch (Exception e) {
            System.err.println("could not stop test PostgreSQL: " + e);
        }
    }

    private void asOwner(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        run(line);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
