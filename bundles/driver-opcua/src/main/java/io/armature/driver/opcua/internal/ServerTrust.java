package io.armature.driver.opcua.internal;

import io.armature.api.driver.CertificateInfo;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;

/**
 * Accepts a server certificate only when its SHA-1 thumbprint is in the driver's {@code
 * trustedCertificates} and it is within its validity period; every certificate shown is remembered
 * (the last {@value #REMEMBERED}), with why it was refused, for the trust step of the REST API.
 * Thread-safe.
 */
final class ServerTrust implements CertificateValidator {
    static final int REMEMBERED = 20;

    private final Set<String> trusted;
    private final Clock clock;

    /**
     * The certificates shown to each driver id, kept across its configuration changes (trusting one
     * re-creates the driver), not across runtime restarts.
     */
    private static final Map<String, Map<String, CertificateInfo>> SEEN = new ConcurrentHashMap<>();

    private final Map<String, CertificateInfo> seen;
    private volatile String lastRejection;

    ServerTrust(String driverId, String[] trustedThumbprints, Clock clock) {
        this.seen = SEEN.computeIfAbsent(driverId, id -> new LinkedHashMap<>());
        this.trusted =
                java.util.Arrays.stream(
                                trustedThumbprints == null ? new String[0] : trustedThumbprints)
                        .map(t -> t.replace(":", "").strip().toLowerCase(Locale.ROOT))
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    @Override
    public void validateCertificateChain(
            List<X509Certificate> chain, String applicationUri, String[] validHostnames)
            throws UaException {
        if (chain == null || chain.isEmpty()) {
            lastRejection = "the server presented no certificate";
            throw new UaException(StatusCodes.Bad_CertificateInvalid, lastRejection);
        }
        X509Certificate certificate = chain.get(0);
        String thumbprint = Certificates.thumbprint(certificate);
        boolean isTrusted = trusted.contains(thumbprint);
        String problem = null;
        long code = StatusCodes.Bad_CertificateUntrusted;
        if (!isTrusted) {
            problem = "not trusted";
        } else {
            try {
                certificate.checkValidity(java.util.Date.from(clock.instant()));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                problem = "outside its validity period (" + e.getMessage() + ")";
                code = StatusCodes.Bad_CertificateTimeInvalid;
            }
        }
        remember(Certificates.info(certificate, isTrusted, clock.instant(), problem));
        if (problem != null) {
            String message =
                    "server certificate "
                            + thumbprint
                            + " ("
                            + certificate.getSubjectX500Principal().getName()
                            + ") is "
                            + problem
                            + (isTrusted
                                    ? ""
                                    : "; check it and trust it with POST"
                                            + " /api/v1/drivers/{id}/certificates/"
                                            + thumbprint
                                            + "/trust");
            lastRejection = message;
            throw new UaException(code, message);
        }
        lastRejection = null;
    }

    private void remember(CertificateInfo info) {
        synchronized (seen) {
            seen.remove(info.thumbprint());
            seen.put(info.thumbprint(), info);
            while (seen.size() > REMEMBERED) {
                seen.remove(seen.keySet().iterator().next());
            }
        }
    }

    /**
     * The certificates shown, newest first, each with whether the configuration trusts it now (a
     * certificate refused before it was trusted reads trusted, without its old problem).
     */
    List<CertificateInfo> seen() {
        List<CertificateInfo> all;
        synchronized (seen) {
            all = List.copyOf(seen.values());
        }
        return all.stream()
                .map(this::current)
                .sorted(Comparator.comparing(CertificateInfo::lastSeen).reversed())
                .toList();
    }

    private CertificateInfo current(CertificateInfo info) {
        boolean now = trusted.contains(info.thumbprint());
        if (now == info.trusted()) {
            return info;
        }
        return new CertificateInfo(
                info.thumbprint(),
                info.sha256(),
                info.subject(),
                info.issuer(),
                info.applicationUri(),
                info.notBefore(),
                info.notAfter(),
                now,
                info.lastSeen(),
                now ? null : "not trusted",
                info.pem());
    }

    /** Why the last certificate was refused, null when the last one was accepted. */
    String lastRejection() {
        return lastRejection;
    }
}
