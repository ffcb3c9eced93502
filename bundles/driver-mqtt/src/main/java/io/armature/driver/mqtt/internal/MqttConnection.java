package io.armature.driver.mqtt.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The broker as the driver needs it, so the client library (Eclipse Paho today, which has had no
 * release since 1.2.5) can be replaced without touching routing, decoding or acknowledgements.
 */
interface MqttConnection {
    /** What the connection reports; called on the client's threads. */
    interface Listener {
        /** A message arrived; it must be acknowledged with {@link #ack} (QoS 1 and 2). */
        void message(String topic, byte[] payload, int id, int qos);

        /** The connection is gone (not called after {@link #close}). */
        void lost(String reason);
    }

    /**
     * Connects and subscribes; blocks up to the connect timeout.
     *
     * @throws Exception naming what failed: the connection, the credentials, a refused filter
     */
    void open(List<Subscription> subscriptions, List<String> extraFilters, Listener listener)
            throws Exception;

    /** Acknowledges a received message (no-op for QoS 0). */
    void ack(int id, int qos);

    /** Publishes; the future completes when the broker acknowledged it (QoS 1) or it was sent. */
    CompletableFuture<Void> publish(
            String topic, byte[] payload, int qos, Map<String, String> userProperties);

    /** Disconnects (keeping the broker session) and releases the client. Never throws. */
    void close();
}
