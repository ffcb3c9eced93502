package io.armature.itest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Self-signed TLS material for the TLS tests, made by the machine's openssl and keytool. */
final class TestCertificates {
    private TestCertificates() {}

    /**
     * A new directory with {@code cert.pem} and {@code key.pem} (PKCS#8) for {@code localhost} and
     * {@code 127.0.0.1}, valid for a day.
     */
    static Path selfSigned() throws IOException {
        Path dir = Files.createTempDirectory("test-tls");
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                dir.resolve("key.pem").toString(),
                "-out",
                dir.resolve("cert.pem").toString());
        return dir;
    }

    /** A PKCS#12 trust store {@code trust.p12} in {@code dir} holding its {@code cert.pem}. */
    static Path trustStore(Path dir, String password) {
        run(
                "keytool",
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-file",
                dir.resolve("cert.pem").toString(),
                "-keystore",
                dir.resolve("trust.p12").toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password);
        return dir.resolve("trust.p12");
    }

    /** A TCP port free now on this machine. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
