package io.armature.driver.opcua.internal;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.MetricInfo;
import io.armature.api.driver.BrowseNode;
import io.armature.api.driver.CertificateInfo;
import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.DeviceCommand;
import io.armature.api.driver.DriverBrowser;
import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverType;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.driver.ServerCertificateTrust;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA server connection: a subscription with a monitored item per mapped node, browsing,
 * writes as device commands, and the trust in the server's certificate. One instance per factory
 * configuration of {@value #PID}; an invalid configuration fails activation with a message naming
 * the attribute. A lost session makes the driver fail, so the supervisor reconnects with its
 * backoff and the next run resolves and subscribes every node again.
 */
@Component(
        configurationPid = OpcUaDriver.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ProtocolDriver.class)
@Designate(ocd = OpcUaConfig.class, factory = true)
@DriverType("opcua")
public final class OpcUaDriver implements ProtocolDriver, DriverBrowser, ServerCertificateTrust {
    /** Factory PID of OPC UA driver instances. */
    public static final String PID = "io.armature.driver.opcua";

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDriver.class);

    private final OpcUaSettings settings;
    private final ServerTrust trust;
    private final List<NodeHealth> nodes;
    private final NodeCommands commands;
    private final Path dataDir;
    private final Clock clock = Clock.systemUTC();
    private volatile OpcUaSession session;
    private volatile ClientCertificate clientCertificate;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry registry;

    @Activate
    public OpcUaDriver(OpcUaConfig config, Map<String, Object> properties, BundleContext bundle) {
        this(config, properties, dataDir(bundle));
    }

    OpcUaDriver(OpcUaConfig config, Map<String, Object> properties, Path dataDir) {
        Object pid = properties.get(Constants.SERVICE_PID);
        String id = pid instanceof String s ? s : "opcua";
        this.settings =
                OpcUaSettings.of(config, id.contains("~") ? id.substring(id.indexOf('~') + 1) : id);
        this.trust = new ServerTrust(id, config.trustedCertificates(), clock);
        this.nodes = settings.nodes().stream().map(NodeHealth::new).toList();
        this.commands = new NodeCommands(settings.commands());
        this.dataDir = dataDir;
    }

    private static Path dataDir(BundleContext bundle) {
        String data = bundle.getProperty("armature.data");
        if (data != null) {
            return Path.of(data);
        }
        String home = bundle.getProperty("armature.home");
        return Path.of(home != null ? home : ".").resolve("data");
    }

    @Override
    public void start(DriverContext context) throws Exception {
        ClientCertificate certificate = settings.needsCertificate() ? certificate() : null;
        OpcUaSession opened =
                OpcUaSession.open(
                        settings,
                        new ClientFactory(settings, trust),
                        certificate,
                        trust,
                        nodes,
                        context,
                        clock,
                        this::describe);
        session = opened;
        for (NodeMapping node : settings.nodes()) {
            context.owns(node.tenant(), node.device());
        }
        for (CommandMapping command : settings.commands()) {
            context.owns(command.tenant(), command.device());
        }
        context.problem(nodeProblems());
        LOG.info(
                "driver {} connected to {} ({}/{}), {} of {} nodes subscribed",
                context.driverId(),
                settings.config().endpointUrl(),
                settings.policy().name(),
                settings.mode(),
                nodes.stream().filter(n -> !NodeHealth.BAD.equals(n.state())).count(),
                nodes.size());
    }

    /** "2 of 5 nodes refused: ns=2;s=Nope: Bad_NodeIdUnknown ...", null when all are fine. */
    private String nodeProblems() {
        List<NodeHealth> bad =
                nodes.stream().filter(n -> NodeHealth.BAD.equals(n.state())).toList();
        if (bad.isEmpty()) {
            return null;
        }
        NodeHealth first = bad.get(0);
        return bad.size()
                + " of "
                + nodes.size()
                + " nodes refused by the server (see details.nodes); first: "
                + first.mapping().target()
                + ": "
                + first.reason();
    }

    /** Gives a mapped node's unit to the device registry once its device exists. */
    private boolean describe(NodeMapping node) {
        DeviceRegistry devices = registry;
        if (devices == null) {
            return false;
        }
        try {
            devices.describeMetric(
                    node.tenant(),
                    node.device(),
                    new MetricInfo(node.metric(), node.unit(), null, null));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        OpcUaSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean acceptsCommands() {
        return true;
    }

    @Override
    public void execute(DeviceCommand command, CommandCallback callback) {
        OpcUaSession current = session;
        if (current == null) {
            callback.refused("driver is not connected to " + settings.config().endpointUrl());
            return;
        }
        commands.execute(current.client(), current.executor(), command, callback);
    }

    @Override
    public List<BrowseNode> browse(String node) {
        OpcUaSession current = session;
        if (current == null) {
            throw new IllegalStateException(
                    "driver is not connected to " + settings.config().endpointUrl());
        }
        return current.browse(node);
    }

    @Override
    public List<CertificateInfo> serverCertificates() {
        return trust.seen();
    }

    @Override
    public Optional<CertificateInfo> clientCertificate() {
        try {
            return Optional.of(Certificates.info(certificate().certificate(), true, null, null));
        } catch (Exception e) {
            LOG.warn("OPC UA client certificate under {} unavailable: {}", dataDir, e.toString());
            return Optional.empty();
        }
    }

    /** The runtime's client certificate, read (or generated) once per instance. */
    private ClientCertificate certificate()
            throws java.io.IOException, java.security.GeneralSecurityException {
        ClientCertificate loaded = clientCertificate;
        if (loaded == null) {
            loaded = ClientCertificate.loadOrCreate(dataDir);
            clientCertificate = loaded;
        }
        return loaded;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endpoint_url", settings.config().endpointUrl());
        details.put("security_policy", settings.policy().name());
        details.put("security_mode", settings.mode().name());
        details.put("identity", settings.identity().name().toLowerCase(java.util.Locale.ROOT));
        details.put("connected", session != null);
        details.put("certificate_problem", trust.lastRejection());
        details.put("nodes", nodes.stream().map(NodeHealth::view).toList());
        return details;
    }
}
