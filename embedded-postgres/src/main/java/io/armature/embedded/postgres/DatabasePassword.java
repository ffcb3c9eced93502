package io.armature.embedded.postgres;

import io.armature.boot.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's password: random, in {@code data/secrets/postgres.password} (0600 in a 0700
 * directory), and {@code pg_hba.conf} without {@code trust}, so no other local user or process
 * connects to the embedded database without it.
 */
final class DatabasePassword {
    private DatabasePassword() {}

    /** A new random password written to {@code file}; returns it. */
    static String create(Path file) throws IOException {
        return PrivateFiles.writeNewSecret(file, 24);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** True when the cluster's pg_hba.conf lets anyone in with {@code trust}. */
    static boolean trusts(Path cluster) throws IOException {
        for (String line : Files.readAllLines(cluster.resolve("pg_hba.conf"))) {
            String rule = line.strip();
            if (!rule.startsWith("#") && rule.matches(".*\\strust(\\s.*)?$")) {
                return true;
            }
        }
        return false;
    }

    /** Replaces every {@code trust} rule's method with {@code scram-sha-256}. */
    static void requireScram(Path cluster) throws IOException {
        Path hba = cluster.resolve("pg_hba.conf");
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(hba)) {
            out.append(
                            line.strip().startsWith("#")
                                    ? line
                                    : line.replaceAll("\\strust(\\s|$)", " scram-sha-256$1"))
                    .append('\n');
        }
        Files.writeString(hba, out.toString(), StandardCharsets.UTF_8);
    }
}
