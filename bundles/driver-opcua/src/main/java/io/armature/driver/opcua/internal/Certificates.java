package io.armature.driver.opcua.internal;

import io.armature.api.driver.CertificateInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** Thumbprints, PEM and the application URI of X.509 certificates. */
final class Certificates {
    private static final int URI_NAME = 6;

    private Certificates() {}

    /** SHA-1 of the DER form, hex, lower case: the thumbprint OPC UA tools show. */
    static String thumbprint(X509Certificate certificate) {
        return digest("SHA-1", certificate);
    }

    static String sha256(X509Certificate certificate) {
        return digest("SHA-256", certificate);
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes())
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            return null;
        }
    }

    /** The URI among the subject alternative names, null when there is none. */
    static String applicationUri(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.size() >= 2 && Integer.valueOf(URI_NAME).equals(name.get(0))) {
                        return name.get(1).toString();
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return null;
        }
        return null;
    }

    static CertificateInfo info(
            X509Certificate certificate, boolean trusted, Instant lastSeen, String problem) {
        return new CertificateInfo(
                thumbprint(certificate),
                sha256(certificate),
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                applicationUri(certificate),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                trusted,
                lastSeen,
                problem,
                pem(certificate));
    }

    private static String digest(String algorithm, X509Certificate certificate) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
