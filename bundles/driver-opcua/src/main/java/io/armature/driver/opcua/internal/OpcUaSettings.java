package io.armature.driver.opcua.internal;

import io.armature.api.sample.Identifiers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;

/**
 * The checked form of an {@link OpcUaConfig}: every attribute validated together, so that a bad
 * configuration fails activation with one message naming the attribute.
 */
record OpcUaSettings(
        OpcUaConfig config,
        String driverName,
        SecurityPolicy policy,
        MessageSecurityMode mode,
        Identity identity,
        List<NodeMapping> nodes,
        List<CommandMapping> commands) {

    /** How the driver logs in. */
    enum Identity {
        ANONYMOUS(UserTokenType.Anonymous),
        USERNAME(UserTokenType.UserName),
        CERTIFICATE(UserTokenType.Certificate);

        private final UserTokenType tokenType;

        Identity(UserTokenType tokenType) {
            this.tokenType = tokenType;
        }

        UserTokenType tokenType() {
            return tokenType;
        }
    }

    static OpcUaSettings of(OpcUaConfig config, String driverName) {
        checkEndpoint(config.endpointUrl());
        SecurityPolicy policy =
                switch (config.securityPolicy()) {
                    case "None" -> SecurityPolicy.None;
                    case "Basic256Sha256" -> SecurityPolicy.Basic256Sha256;
                    default ->
                            throw new IllegalArgumentException(
                                    "securityPolicy '"
                                            + config.securityPolicy()
                                            + "' is not supported; use None or Basic256Sha256");
                };
        MessageSecurityMode mode =
                switch (config.securityMode()) {
                    case "None" -> MessageSecurityMode.None;
                    case "Sign" -> MessageSecurityMode.Sign;
                    case "SignAndEncrypt" -> MessageSecurityMode.SignAndEncrypt;
                    default ->
                            throw new IllegalArgumentException(
                                    "securityMode '"
                                            + config.securityMode()
                                            + "' must be None, Sign or SignAndEncrypt");
                };
        if ((policy == SecurityPolicy.None) != (mode == MessageSecurityMode.None)) {
            throw new IllegalArgumentException(
                    "securityMode "
                            + mode
                            + " does not go with securityPolicy "
                            + policy.name()
                            + ": policy None takes mode None, Basic256Sha256 takes Sign or"
                            + " SignAndEncrypt");
        }
        Identity identity;
        try {
            identity = Identity.valueOf(config.identity().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "identity '"
                            + config.identity()
                            + "' must be anonymous, username or certificate");
        }
        if (identity == Identity.USERNAME && config.username().isBlank()) {
            throw new IllegalArgumentException("username is required for identity 'username'");
        }
        if (!Identifiers.isValid(config.tenant())) {
            throw new IllegalArgumentException(
                    "tenant '" + config.tenant() + "' does not match " + Identifiers.PATTERN);
        }
        return new OpcUaSettings(
                config,
                driverName,
                policy,
                mode,
                identity,
                NodeMapping.parseAll(config.nodes(), config.tenant()),
                CommandMapping.parseAll(config.commands(), config.tenant()));
    }

    /** Whether this configuration needs the runtime's client certificate. */
    boolean needsCertificate() {
        return policy != SecurityPolicy.None || identity == Identity.CERTIFICATE;
    }

    private static void checkEndpoint(String url) {
        try {
            URI uri = new URI(url);
            if (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "endpointUrl '" + url + "' must be opc.tcp://host:port[/path]");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "endpointUrl '" + url + "' is not a URI: " + e.getMessage(), e);
        }
    }
}
