package io.armature.embedded.postgres;

import io.armature.boot.ArmatureProperties;
import io.armature.boot.BootPlan;
import io.armature.boot.LaunchHook;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of profiles that configure no external database: a storage configuration
 * ({@code io.armature.storage.postgres~…}) with {@code url=embedded} makes the launcher start a
 * real PostgreSQL (binaries from Maven Central, see {@link PostgresBinaries}) with its data in
 * {@code data/postgres}, kept across restarts, and its log in {@code logs/postgres.log}. It starts
 * in the background while the framework boots (the store spools until it answers) and stops after
 * the framework. Found by the launcher as a {@link LaunchHook}.
 *
 * <p>It is durable: fsync, synchronous commit and full-page writes are on, as for any production
 * PostgreSQL. A runtime killed without its shutdown (SIGKILL, OOM killer) leaves the server
 * running; the next start finds that orphan through {@code postmaster.pid} in the data directory
 * and shuts it down cleanly before starting its own.
 */
public final class EmbeddedPostgresHook implements LaunchHook {
    private static final Logger LOG = LoggerFactory.getLogger("armature");
    private static final String STORE_FACTORY_PID = "io.armature.storage.postgres~";

    /** A ServiceLoader needs a public no-argument constructor. */
    public EmbeddedPostgresHook() {}

    @Override
    public Optional<Started> start(BootPlan plan, Path data) throws IOException {
        Map<String, Map<String, Object>> configurations =
                new LinkedHashMap<>(plan.profileOnlyConfigurations());
        for (String feature : plan.enabled()) {
            configurations.putAll(plan.configurationsOf(plan.catalog().get(feature).orElseThrow()));
        }
        boolean wanted =
                configurations.entrySet().stream()
                        .anyMatch(
                                c ->
                                        c.getKey().startsWith(STORE_FACTORY_PID)
                                                && "embedded".equals(c.getValue().get("url")));
        return wanted
                ? Optional.of(
                        new Server(
                                data.resolve("postgres"),
                                plan.home().resolve("logs").resolve("postgres.log"),
                                freePort()))
                : Optional.empty();
    }

    /** The server, starting in the background from construction on. */
    private static final class Server implements Started {
        private final CompletableFuture<PostgresServer> server;
        private final String url;

        private final Path passwordFile;

        Server(Path directory, Path log, int port) {
            this.url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            this.passwordFile = directory.resolveSibling("secrets").resolve("postgres.password");
            // its own thread: the common fork-join pool has a single worker on two cores and may
            // be busy
            this.server =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    requireClusterOrAbsent(directory);
                                    Postmaster.stopOrphan(directory);
                                    PostgresServer postgres =
                                            new PostgresServer(
                                                    PostgresBinaries.bin(),
                                                    directory,
                                                    log,
                                                    port,
                                                    passwordFile);
                                    postgres.start();
                                    LOG.info(
                                            "embedded PostgreSQL ready on port {} (data in {},"
                                                    + " log {})",
                                            port,
                                            directory,
                                            log);
                                    return postgres;
                                } catch (IOException | RuntimeException | LinkageError e) {
                                    LOG.error(
                                            "embedded PostgreSQL failed to start: {}",
                                            e.toString());
                                    throw new IllegalStateException(e);
                                }
                            },
                            runnable -> {
                                Thread thread = new Thread(runnable, "armature-embedded-postgres");
                                thread.setDaemon(true);
                                thread.start();
                            });
        }

        /** The framework properties that tell the store where the server is. */
        @Override
        public Map<String, String> frameworkProperties() {
            return Map.of(
                    ArmatureProperties.EMBEDDED_POSTGRES_URL,
                    url,
                    ArmatureProperties.EMBEDDED_POSTGRES_PASSWORD_FILE,
                    passwordFile.toString());
        }

        @Override
        public void close() {
            try {
                server.join().stop();
                LOG.info("embedded PostgreSQL stopped");
            } catch (IOException | RuntimeException e) {
                LOG.error("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    /**
     * initdb refuses a non-empty directory that holds no cluster: say it plainly, before trying.
     */
    private static void requireClusterOrAbsent(Path directory) throws IOException {
        if (Files.isDirectory(directory) && !Files.exists(directory.resolve("PG_VERSION"))) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(
                            directory
                                    + " is not empty but holds no PostgreSQL cluster (no PG_VERSION);"
                                    + " move it away to let a new one be created");
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
