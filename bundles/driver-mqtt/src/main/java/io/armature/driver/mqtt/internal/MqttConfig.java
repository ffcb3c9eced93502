package io.armature.driver.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(
        name = "MQTT driver",
        description =
                "Subscribes to an MQTT broker (MQTT 5) and ingests what devices publish;"
                        + " publishes device commands")
public @interface MqttConfig {
    @AttributeDefinition(name = "Broker URI", description = "tcp://host:1883 or ssl://host:8883")
    String brokerUri() default "tcp://127.0.0.1:1883";

    @AttributeDefinition(
            name = "Client id",
            description =
                    "MQTT client id; empty = armature-<driver id>. Keep it stable: the broker keeps"
                            + " the session (and the messages published while Armature is down)"
                            + " under it")
    String clientId() default "";

    @AttributeDefinition(name = "User name", description = "Empty for an anonymous connection")
    String username() default "";

    @AttributeDefinition(
            name = "Password",
            type = AttributeType.PASSWORD,
            description = "Encrypted at rest; masked in every answer")
    String password() default "";

    @AttributeDefinition(
            name = "Trust store",
            description =
                    "For ssl:// brokers with a private CA: path of a PKCS12 or JKS trust store;"
                            + " empty = the JVM's trusted CAs")
    String trustStore() default "";

    @AttributeDefinition(
            name = "Trust store password",
            type = AttributeType.PASSWORD,
            description = "Password of the trust store, if it has one")
    String trustStorePassword() default "";

    @AttributeDefinition(
            name = "Subscriptions",
            description =
                    "One per line: '<topic template> <format> [option=value ...]'. Formats:"
                            + " powiot, json, value. Templates may hold {tenant}, {device} and"
                            + " {metric} (one topic level each) and end in #; $share/<group>/..."
                            + " for shared subscriptions. Options: tenant=, device=, metric= (fixed"
                            + " values), qos=; powiot: tenant_tag=, device_tag=, metric= (with"
                            + " {measurement} and {field}), zone=")
    String[] subscriptions() default {"sensors/+ powiot"};

    @AttributeDefinition(
            name = "QoS",
            description = "Default subscription QoS",
            options = {
                @Option(value = "0", label = "0: at most once"),
                @Option(value = "1", label = "1: at least once"),
                @Option(value = "2", label = "2: exactly once")
            })
    int qos() default 1;

    @AttributeDefinition(
            name = "Session expiry (s)",
            description =
                    "How long the broker keeps the session (subscriptions and undelivered QoS 1/2"
                            + " messages) while Armature is away; 0 = end it at disconnect",
            min = "0")
    long sessionExpirySeconds() default 86_400;

    @AttributeDefinition(name = "Keep-alive (s)", min = "1", max = "65535")
    int keepAliveSeconds() default 30;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1", max = "300")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(
            name = "In flight",
            description =
                    "Most QoS 1/2 messages the broker sends before Armature acknowledges them"
                            + " (MQTT 5 receive maximum): the bound of what waits for ingest",
            min = "1",
            max = "65535")
    int receiveMaximum() default 2_000;

    @AttributeDefinition(
            name = "Samples per write",
            description = "Messages are batched into ingest up to this many samples",
            min = "1",
            max = "100000")
    int batchSamples() default 5_000;

    @AttributeDefinition(
            name = "Command topic",
            description =
                    "Where commands are published, with {tenant}, {device} and {command}; JSON"
                            + " body {id, name, arguments, deadline}")
    String commandTopic() default "tenants/{tenant}/devices/{device}/commands/{command}";

    @AttributeDefinition(
            name = "Command reply topic",
            description =
                    "Where devices answer, with {tenant}, {device} and {command}; JSON {id,"
                            + " success, message}. Empty = commands end as delivered")
    String commandReplyTopic() default "";

    @AttributeDefinition(
            name = "Dead-letter topic",
            description =
                    "Malformed payloads are republished here as they came, with user properties"
                            + " reason and source_topic; empty = only counted and logged")
    String deadLetterTopic() default "";
}
