package io.armature.driver.mqtt.internal;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.MetricInfo;
import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.DeviceCommand;
import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverType;
import io.armature.api.driver.ProtocolDriver;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
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
 * One MQTT broker connection: subscribes, decodes payloads into samples, acknowledges each message
 * only after ingest took its samples, and publishes device commands. One instance per factory
 * configuration of {@value #PID}; an invalid configuration fails activation with a message naming
 * the attribute.
 */
@Component(
        configurationPid = MqttDriver.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ProtocolDriver.class)
@Designate(ocd = MqttConfig.class, factory = true)
@DriverType("mqtt")
public final class MqttDriver implements ProtocolDriver {
    /** Factory PID of MQTT driver instances. */
    public static final String PID = "io.armature.driver.mqtt";

    private static final Logger LOG = LoggerFactory.getLogger(MqttDriver.class);
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    private final MqttConfig config;
    private final String name;
    private final List<Subscription> subscriptions;
    private final BiFunction<MqttConfig, String, MqttConnection> connections;
    private final Set<String> described = ConcurrentHashMap.newKeySet();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry registry;

    private volatile MqttConnection connection;
    private volatile CommandChannel commands;
    private IngestPipeline pipeline;

    @Activate
    public MqttDriver(MqttConfig config, Map<String, Object> properties) {
        this(config, properties, PahoConnection::new);
    }

    MqttDriver(
            MqttConfig config,
            Map<String, Object> properties,
            BiFunction<MqttConfig, String, MqttConnection> connections) {
        this.config = config;
        this.connections = connections;
        Object pid = properties.get(Constants.SERVICE_PID);
        String id = pid instanceof String s ? s : "mqtt";
        this.name = id.contains("~") ? id.substring(id.indexOf('~') + 1) : id;
        checkBroker(config.brokerUri());
        this.subscriptions = Subscription.parseAll(config.subscriptions(), config.qos());
        new CommandChannel(config.commandTopic(), config.commandReplyTopic());
    }

    private static void checkBroker(String uri) {
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() == null
                    || !SCHEMES.contains(parsed.getScheme())
                    || parsed.getHost() == null) {
                throw new IllegalArgumentException(
                        "brokerUri '" + uri + "' must be tcp://host:port or ssl://host:port");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "brokerUri '" + uri + "' is not a URI: " + e.getMessage(), e);
        }
    }

    String clientId() {
        return config.clientId().isBlank() ? "armature-" + name : config.clientId();
    }

    @Override
    public void start(DriverContext context) throws Exception {
        MqttConnection broker = connections.apply(config, clientId());
        CommandChannel channel =
                new CommandChannel(config.commandTopic(), config.commandReplyTopic());
        IngestPipeline ingest =
                new IngestPipeline(
                        context,
                        broker::ack,
                        this::describe,
                        config.receiveMaximum() + 1_000,
                        config.batchSamples(),
                        "armature-mqtt-" + name);
        MessageRouter router =
                new MessageRouter(
                        subscriptions,
                        ingest,
                        context,
                        channel,
                        (topic, payload, reason) ->
                                deadLetter(broker, topic, payload, reason, context),
                        Clock.systemUTC());
        try {
            broker.open(subscriptions, channel.replyFilters(), router);
        } catch (Exception | LinkageError e) {
            ingest.stop();
            throw e;
        }
        pipeline = ingest;
        commands = channel;
        connection = broker;
        LOG.info(
                "driver {} connected to {} as {}",
                context.driverId(),
                config.brokerUri(),
                clientId());
    }

    @Override
    public void stop() {
        MqttConnection broker = connection;
        connection = null;
        commands = null;
        if (pipeline != null) {
            pipeline.stop();
            pipeline = null;
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public boolean acceptsCommands() {
        return true;
    }

    @Override
    public void execute(DeviceCommand command, CommandCallback callback) {
        MqttConnection broker = connection;
        CommandChannel channel = commands;
        if (broker == null || channel == null) {
            callback.refused("driver is not connected to " + config.brokerUri());
            return;
        }
        byte[] body;
        try {
            body = channel.body(command);
        } catch (IllegalArgumentException e) {
            callback.refused(e.getMessage());
            return;
        }
        broker.publish(channel.topic(command), body, 1, Map.of())
                .whenComplete(
                        (ok, failure) -> {
                            if (failure != null) {
                                callback.failed("publish failed: " + failure.getMessage());
                            } else {
                                channel.delivered(command, callback);
                            }
                        });
    }

    private void deadLetter(
            MqttConnection broker,
            String topic,
            byte[] payload,
            String reason,
            DriverContext context) {
        if (config.deadLetterTopic().isBlank()) {
            return;
        }
        broker.publish(
                        config.deadLetterTopic(),
                        payload,
                        1,
                        Map.of("reason", reason, "source_topic", topic))
                .whenComplete(
                        (ok, failure) -> {
                            if (failure != null) {
                                context.problem(
                                        "dead-letter topic "
                                                + config.deadLetterTopic()
                                                + " refused: "
                                                + failure.getMessage());
                            }
                        });
    }

    /** Units declared in JSON payloads become the metrics' metadata (once per metric and run). */
    private void describe(Map<String, String> units) {
        DeviceRegistry devices = registry;
        if (devices == null) {
            return;
        }
        units.forEach(
                (key, unit) -> {
                    if (described.add(key + "=" + unit)) {
                        String[] parts = key.split("/", 3);
                        try {
                            devices.describeMetric(
                                    parts[0], parts[1], new MetricInfo(parts[2], unit, null, null));
                        } catch (IllegalArgumentException e) {
                            described.remove(key + "=" + unit);
                        }
                    }
                });
    }
}
