package io.armature.api.driver;

import java.time.Instant;

/**
 * An X.509 certificate as the driver REST API shows it.
 *
 * @param thumbprint SHA-1 of the DER encoding, hex, lower case (what OPC UA servers show)
 * @param sha256 SHA-256 of the DER encoding, hex, lower case
 * @param subject subject distinguished name
 * @param issuer issuer distinguished name
 * @param applicationUri the URI in the subject alternative names, null when none
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param trusted whether the driver's configuration trusts it
 * @param lastSeen when the server last presented it (null for the client's own)
 * @param problem why it was refused ({@code not trusted}, {@code expired}, ...), null when it was
 *     accepted
 * @param pem the certificate in PEM form, to import it elsewhere
 */
public record CertificateInfo(
        String thumbprint,
        String sha256,
        String subject,
        String issuer,
        String applicationUri,
        Instant notBefore,
        Instant notAfter,
        boolean trusted,
        Instant lastSeen,
        String problem,
        String pem) {}
