package io.armature.driver.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/**
 * Creates the Milo client of one driver run: asks the server for its endpoints, picks the one with
 * the configured security policy, mode and identity, and points it at the configured host and port
 * (servers often announce a host name the client cannot resolve).
 */
final class ClientFactory {
    private final OpcUaSettings settings;
    private final ServerTrust trust;

    ClientFactory(OpcUaSettings settings, ServerTrust trust) {
        this.settings = settings;
        this.trust = trust;
    }

    /** A client, not yet connected. */
    OpcUaClient create(ClientCertificate certificate) throws UaException {
        OpcUaConfig config = settings.config();
        return OpcUaClient.create(
                config.endpointUrl(),
                this::select,
                transport ->
                        transport.setConnectTimeout(uint(config.connectTimeoutSeconds() * 1000)),
                client -> {
                    client.setApplicationName(LocalizedText.english("Armature"))
                            .setProductUri("urn:armature")
                            .setSessionName(() -> "armature " + settings.driverName())
                            .setSessionTimeout(uint(config.sessionTimeoutSeconds() * 1000L))
                            .setRequestTimeout(uint(config.requestTimeoutSeconds() * 1000L))
                            .setCertificateValidator(trust)
                            .setIdentityProvider(identity(certificate));
                    if (certificate != null) {
                        client.setApplicationUri(certificate.applicationUri())
                                .setKeyPair(certificate.keyPair())
                                .setCertificate(certificate.certificate())
                                .setCertificateChain(
                                        new java.security.cert.X509Certificate[] {
                                            certificate.certificate()
                                        });
                    } else {
                        client.setApplicationUri(ClientCertificate.applicationUriOf("localhost"));
                    }
                });
    }

    private IdentityProvider identity(ClientCertificate certificate) {
        OpcUaConfig config = settings.config();
        return switch (settings.identity()) {
            case USERNAME -> new UsernameProvider(config.username(), config.password());
            case CERTIFICATE ->
                    new X509IdentityProvider(
                            certificate.certificate(), certificate.keyPair().getPrivate());
            case ANONYMOUS -> AnonymousProvider.INSTANCE;
        };
    }

    private Optional<EndpointDescription> select(List<EndpointDescription> endpoints) {
        SecurityPolicy policy = settings.policy();
        MessageSecurityMode mode = settings.mode();
        UserTokenType token = settings.identity().tokenType();
        Optional<EndpointDescription> chosen =
                endpoints.stream()
                        .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()))
                        .filter(e -> e.getSecurityMode() == mode)
                        .filter(e -> offers(e, token))
                        .findFirst();
        if (chosen.isEmpty()) {
            throw new IllegalStateException(
                    "the server offers no endpoint with security "
                            + policy.name()
                            + "/"
                            + mode
                            + " and "
                            + token
                            + " identity; it offers: "
                            + endpoints.stream()
                                    .map(ClientFactory::describe)
                                    .collect(Collectors.joining("; ")));
        }
        URI configured = URI.create(settings.config().endpointUrl());
        return chosen.map(
                e -> EndpointUtil.updateUrl(e, configured.getHost(), configured.getPort()));
    }

    private static boolean offers(EndpointDescription endpoint, UserTokenType token) {
        UserTokenPolicy[] tokens = endpoint.getUserIdentityTokens();
        return tokens != null && Arrays.stream(tokens).anyMatch(p -> p.getTokenType() == token);
    }

    private static String describe(EndpointDescription endpoint) {
        String policy =
                SecurityPolicy.fromUriSafe(endpoint.getSecurityPolicyUri())
                        .map(SecurityPolicy::name)
                        .orElse(endpoint.getSecurityPolicyUri());
        UserTokenPolicy[] tokens = endpoint.getUserIdentityTokens();
        return policy
                + "/"
                + endpoint.getSecurityMode()
                + " ["
                + (tokens == null
                        ? ""
                        : Arrays.stream(tokens)
                                .map(t -> t.getTokenType().toString())
                                .distinct()
                                .collect(Collectors.joining(", ")))
                + "]";
    }
}
