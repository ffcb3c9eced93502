package io.armature.itest;

import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * An OPC UA server built with Eclipse Milo's server SDK, in the test JVM: namespace {@value
 * MachineNamespace#URI} with a {@code Machine} folder of changing variables (see {@link
 * MachineNamespace}). Endpoints: None/None and Basic256Sha256/SignAndEncrypt, both with anonymous
 * and user name ({@value #USER}) identities. It keeps its port, its certificate and its variables'
 * state across {@link #restart()}, as a PLC does across a power cycle. It trusts every client
 * certificate (it is a test server).
 */
public final class MiloTestServer implements AutoCloseable {
    static final String USER = "operator";
    static final String PASSWORD = "line-3-secret";
    static final String PATH = "/armature-itest";

    private final int port;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final MachineNamespace.State state;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final List<String> x509Users = new java.util.concurrent.CopyOnWriteArrayList<>();
    private OpcUaServer server;
    private MachineNamespace namespace;

    private MiloTestServer(int loadItems) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        certificate =
                new SelfSignedCertificateBuilder(keyPair)
                        .setCommonName("Armature test PLC")
                        .setOrganization("Armature integration tests")
                        .setApplicationUri("urn:armature:itest:plc")
                        .addDnsName("localhost")
                        .addIpAddress("127.0.0.1")
                        .build();
        state = new MachineNamespace.State(loadItems);
        ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * A started server; {@code loadItems} extra Double variables {@code Load.<n>} (for benches).
     */
    public static MiloTestServer start(int loadItems) throws Exception {
        MiloTestServer server = new MiloTestServer(loadItems);
        server.startServer();
        return server;
    }

    public String url() {
        return "opc.tcp://127.0.0.1:" + port + PATH;
    }

    /** SHA-1 of the server's certificate, hex: what the trust step takes. */
    String thumbprint() throws Exception {
        return sha1(certificate);
    }

    /** SHA-1 thumbprints of the X.509 user certificates sessions were activated with. */
    List<String> x509Users() {
        return List.copyOf(x509Users);
    }

    private static String sha1(X509Certificate certificate) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    MachineNamespace.State state() {
        return state;
    }

    synchronized void stop() throws Exception {
        if (server != null) {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server = null;
            namespace = null;
        }
    }

    synchronized void restart() throws Exception {
        stop();
        startServer();
    }

    private synchronized void tick() {
        state.tick();
        if (namespace != null) {
            namespace.publish();
        }
    }

    private synchronized void startServer() throws Exception {
        CertificateStore store = new MemoryCertificateStore();
        store.set(
                NodeIds.RsaSha256ApplicationCertificateType,
                new CertificateStore.Entry(
                        keyPair.getPrivate(), new X509Certificate[] {certificate}));
        DefaultApplicationGroup group =
                DefaultApplicationGroup.createAndInitialize(
                        new MemoryTrustListManager(),
                        store,
                        new RsaSha256CertificateFactory() {
                            @Override
                            protected X509Certificate[] createRsaSha256CertificateChain(
                                    KeyPair pair) {
                                return new X509Certificate[] {certificate};
                            }
                        },
                        new CertificateValidator.InsecureCertificateValidator());
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        for (SecurityPolicy policy : List.of(SecurityPolicy.None, SecurityPolicy.Basic256Sha256)) {
            endpoints.add(
                    EndpointConfig.newBuilder()
                            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                            .setBindAddress("127.0.0.1")
                            .setBindPort(port)
                            .setHostname("127.0.0.1")
                            .setPath(PATH)
                            .setCertificate(certificate)
                            .setSecurityPolicy(policy)
                            .setSecurityMode(
                                    policy == SecurityPolicy.None
                                            ? MessageSecurityMode.None
                                            : MessageSecurityMode.SignAndEncrypt)
                            .addTokenPolicies(
                                    OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS,
                                    OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME,
                                    OpcUaServerConfig.USER_TOKEN_POLICY_X509)
                            .build());
        }
        OpcUaServerConfig config =
                OpcUaServerConfig.builder()
                        .setApplicationUri("urn:armature:itest:plc")
                        .setApplicationName(LocalizedText.english("Armature test PLC"))
                        .setProductUri("urn:armature:itest")
                        .setEndpoints(endpoints)
                        .setCertificateManager(
                                new DefaultCertificateManager(
                                        new MemoryCertificateQuarantine(), group))
                        .setIdentityValidator(
                                new CompositeValidator(
                                        AnonymousIdentityValidator.INSTANCE,
                                        new UsernameIdentityValidator(
                                                challenge ->
                                                        USER.equals(challenge.getUsername())
                                                                && PASSWORD.equals(
                                                                        challenge.getPassword())),
                                        new X509IdentityValidator(
                                                user -> {
                                                    x509Users.add(sha1(user));
                                                    return true;
                                                })))
                        .build();
        OpcUaServer created =
                new OpcUaServer(
                        config,
                        profile ->
                                new OpcTcpServerTransport(
                                        OpcTcpServerTransportConfig.newBuilder().build()));
        MachineNamespace machine = new MachineNamespace(created, state);
        machine.startup();
        created.startup().get(10, TimeUnit.SECONDS);
        server = created;
        namespace = machine;
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        stop();
    }
}
