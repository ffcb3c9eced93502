package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * HTTPS with the certificate generated at the first start: trusted through the keystore the runtime
 * wrote (no "trust all"), HSTS, Secure session cookies, HTTP switched off; and the default listen
 * address is the loopback interface only.
 */
class TlsIT {
    @Test
    void httpsOnlyWithTheGeneratedCertificate() throws Exception {
        int tlsPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            tlsPort = socket.getLocalPort();
        }
        Path home = RuntimeProcess.freshHome();
        try (RuntimeProcess runtime =
                RuntimeProcess.start(
                        home,
                        Map.of(),
                        "--tls",
                        "--tls-port",
                        String.valueOf(tlsPort),
                        "--no-http")) {
            Path keystore = home.resolve("data/secrets/tls.p12");
            assertTrue(
                    Files.exists(keystore), "self-signed certificate created at the first start");
            char[] password =
                    Files.readString(home.resolve("data/secrets/tls.password"))
                            .strip()
                            .toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate("armature");
            assertTrue(certificate.getSubjectAlternativeNames().toString().contains("127.0.0.1"));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("armature", certificate);
            TrustManagerFactory factory =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
            String base = "https://127.0.0.1:" + tlsPort;

            HttpResponse<String> health =
                    client.send(
                            HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(
                    health.headers()
                            .firstValue("Strict-Transport-Security")
                            .orElse("")
                            .contains("max-age="));

            String password0 =
                    Files.readString(home.resolve("data/secrets/admin.password")).strip();
            HttpResponse<String> login =
                    client.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"user\":\"admin\",\"password\":\""
                                                            + password0
                                                            + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly"), cookie);

            // HTTP is off: nothing listens on the HTTP port
            URI http = URI.create(runtime.baseUrl());
            assertThrows(
                    ConnectException.class,
                    () -> new Socket(http.getHost(), http.getPort()).close());
        }
    }

    @Test
    void byDefaultOnlyThisMachineCanConnect() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start()) {
            int port = URI.create(runtime.baseUrl()).getPort();
            Optional<InetAddress> external =
                    Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                            .filter(
                                    i -> {
                                        try {
                                            return i.isUp() && !i.isLoopback();
                                        } catch (java.net.SocketException e) {
                                            return false;
                                        }
                                    })
                            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                            .filter(a -> a instanceof java.net.Inet4Address)
                            .findFirst();
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    external.isPresent(), "no non-loopback address here");
            try (Socket socket = new Socket()) {
                assertThrows(
                        ConnectException.class,
                        () -> socket.connect(new InetSocketAddress(external.get(), port), 2000),
                        "the runtime listens on 127.0.0.1 only");
            }
            assertEquals(200, runtime.get("/api/v1/auth/me").statusCode());
        }
    }
}
