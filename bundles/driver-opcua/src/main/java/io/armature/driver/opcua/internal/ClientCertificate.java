package io.armature.driver.opcua.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.Base64;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The application instance certificate this runtime presents to OPC UA servers (and, for identity
 * {@code certificate}, logs in with): an RSA 2048 key pair and a self-signed certificate valid for
 * 5 years, generated on first use into {@code data/opcua/client.p12} (0600) with a random keystore
 * password in {@code data/opcua/client.p12.pass} (0600). Shared by every OPC UA driver instance of
 * the runtime; a server administrator trusts it once.
 */
record ClientCertificate(KeyPair keyPair, X509Certificate certificate, String applicationUri) {
    private static final String ALIAS = "armature-opcua-client";

    /** Loads the certificate under {@code dataDir/opcua}, creating it first when absent. */
    static synchronized ClientCertificate loadOrCreate(Path dataDir)
            throws IOException, GeneralSecurityException {
        Path dir = dataDir.resolve("opcua");
        Path store = dir.resolve("client.p12");
        Path secret = dir.resolve("client.p12.pass");
        if (Files.exists(store) && Files.exists(secret)) {
            return load(store, Files.readString(secret, StandardCharsets.UTF_8).strip());
        }
        Files.createDirectories(dir);
        String password = randomPassword();
        ClientCertificate created = generate();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(
                ALIAS,
                created.keyPair().getPrivate(),
                password.toCharArray(),
                new Certificate[] {created.certificate()});
        writePrivate(secret, password.getBytes(StandardCharsets.UTF_8));
        Path temporary = dir.resolve("client.p12.tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            keyStore.store(out, password.toCharArray());
        }
        restrict(temporary);
        Files.move(temporary, store, StandardCopyOption.ATOMIC_MOVE);
        return created;
    }

    private static ClientCertificate load(Path store, String password)
            throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, password.toCharArray());
        }
        PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, password.toCharArray());
        X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
        if (key == null || certificate == null) {
            throw new GeneralSecurityException(
                    store + " holds no entry '" + ALIAS + "'; delete it to generate a new one");
        }
        String uri = Certificates.applicationUri(certificate);
        return new ClientCertificate(
                new KeyPair(certificate.getPublicKey(), key),
                certificate,
                uri != null ? uri : applicationUriOf(hostname()));
    }

    private static ClientCertificate generate() throws GeneralSecurityException {
        String host = hostname();
        String uri = applicationUriOf(host);
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        try {
            X509Certificate certificate =
                    new SelfSignedCertificateBuilder(keyPair)
                            .setCommonName("Armature OPC UA client")
                            .setOrganization("Armature")
                            .setApplicationUri(uri)
                            .addDnsName(host)
                            .setValidityPeriod(Period.ofYears(5))
                            .build();
            return new ClientCertificate(keyPair, certificate, uri);
        } catch (Exception e) {
            throw new GeneralSecurityException(
                    "cannot generate the OPC UA client certificate: " + e.getMessage(), e);
        }
    }

    static String applicationUriOf(String host) {
        return "urn:" + host + ":armature:opcua-client";
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, content);
        restrict(temporary);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
