package io.armature.driver.opcua.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsAndTrustTest {
    @TempDir Path data;

    /** A configuration with the metatype defaults and some attributes replaced. */
    static OpcUaConfig config(Map<String, Object> values) {
        return (OpcUaConfig)
                java.lang.reflect.Proxy.newProxyInstance(
                        OpcUaConfig.class.getClassLoader(),
                        new Class<?>[] {OpcUaConfig.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("annotationType")) {
                                return OpcUaConfig.class;
                            }
                            return values.containsKey(method.getName())
                                    ? values.get(method.getName())
                                    : method.getDefaultValue();
                        });
    }

    @Test
    void policyModeAndIdentityMustFitTogether() {
        assertMessage("does not go with securityPolicy None", Map.of("securityMode", "Sign"));
        assertMessage(
                "does not go with securityPolicy Basic256Sha256",
                Map.of("securityPolicy", "Basic256Sha256"));
        assertMessage("'Aes128' is not supported", Map.of("securityPolicy", "Aes128"));
        assertMessage("username is required", Map.of("identity", "username"));
        assertMessage("must be anonymous, username or certificate", Map.of("identity", "kerberos"));
        assertMessage("must be opc.tcp://", Map.of("endpointUrl", "http://plc:4840"));
        OpcUaSettings secure =
                OpcUaSettings.of(
                        config(
                                Map.of(
                                        "securityPolicy",
                                        "Basic256Sha256",
                                        "securityMode",
                                        "SignAndEncrypt")),
                        "plc");
        assertTrue(secure.needsCertificate());
        assertFalse(OpcUaSettings.of(config(Map.of()), "plc").needsCertificate());
    }

    @Test
    void theClientCertificateIsGeneratedOnceAndKeptPrivate() throws Exception {
        ClientCertificate first = ClientCertificate.loadOrCreate(data);
        ClientCertificate again = ClientCertificate.loadOrCreate(data);
        assertEquals(
                Certificates.thumbprint(first.certificate()),
                Certificates.thumbprint(again.certificate()));
        assertEquals(first.applicationUri(), Certificates.applicationUri(again.certificate()));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve("opcua/client.p12"))));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve("opcua/client.p12.pass"))));
    }

    @Test
    void onlyATrustedCertificateInItsValidityPeriodPasses() throws Exception {
        ClientCertificate some = ClientCertificate.loadOrCreate(data);
        String thumbprint = Certificates.thumbprint(some.certificate());
        Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        ServerTrust untrusted = new ServerTrust("untrusted", new String[0], now);
        UaException refused =
                assertThrows(
                        UaException.class,
                        () ->
                                untrusted.validateCertificateChain(
                                        List.of(some.certificate()), null, null));
        assertEquals(StatusCodes.Bad_CertificateUntrusted, refused.getStatusCode().getValue());
        assertTrue(
                untrusted.lastRejection().contains(thumbprint + "/trust"),
                untrusted.lastRejection());
        assertEquals("not trusted", untrusted.seen().get(0).problem());
        ServerTrust afterTheTrustStep =
                new ServerTrust("untrusted", new String[] {thumbprint}, now);
        assertTrue(afterTheTrustStep.seen().get(0).trusted(), "remembered across re-creation");
        assertEquals(null, afterTheTrustStep.seen().get(0).problem());

        ServerTrust trusted =
                new ServerTrust(
                        "trusted",
                        new String[] {thumbprint.toUpperCase().replaceAll("(..)", "$1:")},
                        now);
        trusted.validateCertificateChain(List.of(some.certificate()), null, null);
        assertTrue(trusted.seen().get(0).trusted());
        assertEquals(null, trusted.lastRejection());

        ServerTrust later =
                new ServerTrust(
                        "later",
                        new String[] {thumbprint},
                        Clock.fixed(Instant.now().plusSeconds(10L * 365 * 86400), ZoneOffset.UTC));
        UaException expired =
                assertThrows(
                        UaException.class,
                        () ->
                                later.validateCertificateChain(
                                        List.of(some.certificate()), null, null));
        assertEquals(StatusCodes.Bad_CertificateTimeInvalid, expired.getStatusCode().getValue());
    }

    private static void assertMessage(String expected, Map<String, Object> values) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> OpcUaSettings.of(config(values), "plc"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
