package io.armature.embedded.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server that {@code postmaster.pid} names, and in particular one left running on
 * the embedded data directory by a runtime that died without its shutdown. The JVM cannot take its
 * child processes with it when it is killed, so the next start looks for the server that {@code
 * postmaster.pid} names and stops it (a fast shutdown: SIGINT, which rolls back open transactions
 * and writes a checkpoint) before it starts its own; otherwise the new server would find the data
 * directory locked and never start.
 */
final class Postmaster {
    private static final Logger LOG = LoggerFactory.getLogger("armature");
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private Postmaster() {}

    /**
     * Stops a server left on {@code directory} by a runtime that is gone, if there is one; waits
     * until it is gone.
     */
    static void stopOrphan(Path directory) throws IOException {
        Optional<ProcessHandle> orphan = find(directory);
        if (orphan.isPresent()) {
            LOG.info(
                    "embedded PostgreSQL (pid {}) is still running from a runtime that did not"
                            + " stop cleanly; shutting it down",
                    orphan.get().pid());
            shutDown(orphan.get());
        }
    }

    /** A fast shutdown of the server on {@code directory}, if one runs; waits until it is gone. */
    static void shutDown(Path directory) throws IOException {
        Optional<ProcessHandle> postmaster = find(directory);
        if (postmaster.isPresent()) {
            shutDown(postmaster.get());
        }
    }

    private static void shutDown(ProcessHandle postmaster) throws IOException {
        signal(postmaster, "INT");
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.error(
                    "embedded PostgreSQL (pid {}) did not shut down within {} s; killing it (the"
                            + " next start recovers from its WAL)",
                    postmaster.pid(),
                    SHUTDOWN_WAIT.toSeconds());
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the old PostgreSQL to stop", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /**
     * The live process named by {@code postmaster.pid}, if it is a PostgreSQL server: a stale file
     * (the process is gone, or its pid was reused by another program) names nothing.
     */
    static Optional<ProcessHandle> find(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            Process kill =
                    new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                            .redirectErrorStream(true)
                            .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                process.destroy(); // SIGTERM: a smart shutdown, the clients are gone anyway
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
