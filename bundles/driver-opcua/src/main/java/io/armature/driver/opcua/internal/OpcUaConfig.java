package io.armature.driver.opcua.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
        name = "OPC UA driver",
        description =
                "Subscribes to variables of an OPC UA server (a PLC, an industrial PC) and ingests"
                        + " their values; writes nodes as device commands")
public @interface OpcUaConfig {
    @AttributeDefinition(
            name = "Endpoint URL",
            description =
                    "opc.tcp://host:4840/path of the server. The host and port given here are used"
                            + " even when the server announces other ones")
    String endpointUrl() default "opc.tcp://127.0.0.1:4840";

    @AttributeDefinition(
            name = "Security policy",
            options = {
                @Option(value = "None", label = "None (no signing, no encryption)"),
                @Option(value = "Basic256Sha256", label = "Basic256Sha256")
            })
    String securityPolicy() default "None";

    @AttributeDefinition(
            name = "Security mode",
            description = "None with policy None; Sign or SignAndEncrypt with Basic256Sha256",
            options = {
                @Option(value = "None", label = "None"),
                @Option(value = "Sign", label = "Sign"),
                @Option(value = "SignAndEncrypt", label = "Sign and encrypt")
            })
    String securityMode() default "None";

    @AttributeDefinition(
            name = "Identity",
            description =
                    "How Armature logs in: anonymously, with user name and password, or with its"
                            + " X.509 client certificate (generated on first use under"
                            + " data/opcua/)",
            options = {
                @Option(value = "anonymous", label = "Anonymous"),
                @Option(value = "username", label = "User name and password"),
                @Option(value = "certificate", label = "X.509 client certificate")
            })
    String identity() default "anonymous";

    @AttributeDefinition(name = "User name", description = "For identity 'username'")
    String username() default "";

    @AttributeDefinition(
            name = "Password",
            type = AttributeType.PASSWORD,
            description = "For identity 'username'; encrypted at rest, masked in every answer")
    String password() default "";

    @AttributeDefinition(
            name = "Trusted server certificates",
            description =
                    "SHA-1 thumbprints (hex) of the server certificates Armature accepts on a"
                            + " secured endpoint. An unknown certificate is rejected and listed"
                            + " under GET /api/v1/drivers/{id}/certificates; POST"
                            + " .../certificates/{thumbprint}/trust adds it here")
    String[] trustedCertificates() default {};

    @AttributeDefinition(
            name = "Tenant",
            description = "Tenant of the mapped devices, unless a node line names another")
    String tenant() default "default";

    @AttributeDefinition(
            name = "Nodes",
            description =
                    "One per line: '<node> <device> <metric> [unit=...] [sampling=<ms>]"
                            + " [deadband=<abs>|<pct>%] [tenant=...]'. <node> is a node id"
                            + " (ns=2;s=Press.Temperature, i=2258, nsu=<uri>;s=...) or a browse"
                            + " path from the root ('/Objects/2:Press/2:Temperature') for servers"
                            + " whose node ids are not stable. Quote a node that holds spaces")
    String[] nodes() default {};

    @AttributeDefinition(
            name = "Commands",
            description =
                    "Named device commands written to a node, one per line: '<command> <device>"
                            + " <node> [tenant=...]'; the command's argument 'value' is written."
                            + " Any device of this driver also takes 'write' with arguments"
                            + " node_id and value")
    String[] commands() default {};

    @AttributeDefinition(
            name = "Publishing interval (ms)",
            description = "How often the server sends the changes of the subscription",
            min = "10",
            max = "3600000")
    int publishingIntervalMillis() default 1_000;

    @AttributeDefinition(
            name = "Sampling interval (ms)",
            description =
                    "How often the server samples a node, unless its line says sampling=; 0 = as"
                            + " fast as the server can, -1 = the publishing interval",
            min = "-1",
            max = "3600000")
    int samplingIntervalMillis() default -1;

    @AttributeDefinition(
            name = "Queue size",
            description =
                    "Values the server keeps per node between publishes (1 = only the latest)",
            min = "1",
            max = "10000")
    int queueSize() default 10;

    @AttributeDefinition(name = "Session timeout (s)", min = "10", max = "86400")
    int sessionTimeoutSeconds() default 120;

    @AttributeDefinition(
            name = "Request timeout (s)",
            description = "Longest wait for one service call (browse, read, write, subscribe)",
            min = "1",
            max = "600")
    int requestTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1", max = "300")
    int connectTimeoutSeconds() default 10;
}
