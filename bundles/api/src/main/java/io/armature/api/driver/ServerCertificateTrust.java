package io.armature.api.driver;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional capability of a {@link ProtocolDriver} that checks its server's certificate against a
 * list of trusted thumbprints held in its own configuration, attribute {@value #TRUSTED_ATTRIBUTE}.
 * An unknown certificate is rejected and listed by {@link #serverCertificates()}; {@code POST
 * /api/v1/drivers/{id}/certificates/{thumbprint}/trust} adds its thumbprint to that attribute (the
 * driver restarts with the new configuration and connects), {@code DELETE} of the same path removes
 * it. Because the trust lives in the configuration, it can also be set ahead in a profile or a
 * {@code .config} file.
 */
@ConsumerType
public interface ServerCertificateTrust {
    /** The configuration attribute holding the trusted SHA-1 thumbprints (hex, lower case). */
    String TRUSTED_ATTRIBUTE = "trustedCertificates";

    /** The server certificates this driver has been shown since it was configured, newest first. */
    List<CertificateInfo> serverCertificates();

    /**
     * The certificate this driver presents to its server, which the server's administrator must
     * trust in turn; empty when it has none (yet).
     */
    Optional<CertificateInfo> clientCertificate();
}
