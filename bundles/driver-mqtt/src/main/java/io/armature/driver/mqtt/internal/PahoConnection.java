package io.armature.driver.mqtt.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttConnection} on Eclipse Paho's MQTT 5 client: clean start off with a session expiry
 * (the broker keeps what is published while Armature is away), manual acknowledgements, no
 * automatic reconnect (the driver supervisor restarts the driver with backoff instead, so the
 * outage is visible), and every message routed from the one global callback (Paho does not call
 * per-subscription listeners for {@code $share/...} filters).
 */
final class PahoConnection implements MqttConnection {
    private static final Logger LOG = LoggerFactory.getLogger(PahoConnection.class);

    private final MqttConfig config;
    private final String clientId;
    private MqttAsyncClient client;
    private volatile boolean closing;

    PahoConnection(MqttConfig config, String clientId) {
        this.config = config;
        this.clientId = clientId;
    }

    @Override
    public void open(List<Subscription> subscriptions, List<String> extraFilters, Listener listener)
            throws Exception {
        long timeout = config.connectTimeoutSeconds() * 1000L;
        PahoLogger.install();
        client = new MqttAsyncClient(config.brokerUri(), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(
                new MqttCallback() {
                    @Override
                    public void disconnected(MqttDisconnectResponse response) {
                        if (!closing) {
                            listener.lost(
                                    "connection to "
                                            + config.brokerUri()
                                            + " lost: "
                                            + (response.getException() != null
                                                    ? response.getException().getMessage()
                                                    : response.getReasonString() != null
                                                            ? response.getReasonString()
                                                            : "reason code "
                                                                    + response.getReturnCode()));
                        }
                    }

                    @Override
                    public void mqttErrorOccurred(MqttException exception) {
                        LOG.warn("MQTT client {}: {}", clientId, exception.toString());
                    }

                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        listener.message(
                                topic, message.getPayload(), message.getId(), message.getQos());
                    }

                    @Override
                    public void deliveryComplete(IMqttToken token) {}

                    @Override
                    public void connectComplete(boolean reconnect, String serverUri) {}

                    @Override
                    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
                });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        // an absent interval means 0 in MQTT 5: the session would end at every disconnect
        options.setSessionExpiryInterval(config.sessionExpirySeconds());
        options.setKeepAliveInterval(config.keepAliveSeconds());
        options.setConnectionTimeout(config.connectTimeoutSeconds());
        options.setAutomaticReconnect(false);
        options.setReceiveMaximum(config.receiveMaximum());
        if (!config.username().isEmpty()) {
            options.setUserName(config.username());
            options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        if (!config.trustStore().isEmpty()) {
            options.setSocketFactory(trusting(config.trustStore(), config.trustStorePassword()));
        }
        try {
            client.connect(options).waitForCompletion(timeout);
            List<String> filters = new ArrayList<>();
            List<Integer> qos = new ArrayList<>();
            for (Subscription subscription : subscriptions) {
                filters.add(subscription.filter);
                qos.add(subscription.qos);
            }
            for (String filter : extraFilters) {
                filters.add(filter);
                qos.add(1);
            }
            IMqttToken token =
                    client.subscribe(
                            filters.toArray(String[]::new),
                            qos.stream().mapToInt(Integer::intValue).toArray());
            token.waitForCompletion(timeout);
            int[] codes = token.getReasonCodes();
            for (int i = 0; codes != null && i < codes.length && i < filters.size(); i++) {
                if (codes[i] >= 0x80) {
                    throw new IllegalStateException(
                            "broker refused subscription '"
                                    + filters.get(i)
                                    + "' (reason code 0x"
                                    + Integer.toHexString(codes[i])
                                    + ")");
                }
            }
        } catch (MqttException e) {
            close();
            throw new IllegalStateException(
                    "cannot connect to "
                            + config.brokerUri()
                            + " as "
                            + clientId
                            + ": "
                            + describe(e),
                    e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static String describe(MqttException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            message = message + " (" + cause.getMessage() + ")";
        }
        return message + " [reason code " + e.getReasonCode() + "]";
    }

    @Override
    public void ack(int id, int qos) {
        if (qos == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException e) {
            // the connection is gone: the broker delivers the message again after reconnecting
            LOG.debug("ack of message {} failed: {}", id, e.toString());
        }
    }

    @Override
    public CompletableFuture<Void> publish(
            String topic, byte[] payload, int qos, Map<String, String> userProperties) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        if (!userProperties.isEmpty()) {
            MqttProperties properties = new MqttProperties();
            List<UserProperty> list = new ArrayList<>();
            userProperties.forEach((k, v) -> list.add(new UserProperty(k, v)));
            properties.setUserProperties(list);
            message.setProperties(properties);
        }
        try {
            client.publish(
                    topic,
                    message,
                    null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            done.complete(null);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            done.completeExceptionally(failure);
                        }
                    });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void close() {
        closing = true;
        MqttAsyncClient current = client;
        if (current == null) {
            return;
        }
        try {
            if (current.isConnected()) {
                current.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            LOG.debug("disconnect of {}: {}", clientId, e.toString());
            try {
                current.disconnectForcibly(0, 1_000, false);
            } catch (MqttException ignored) {
                // closing anyway
            }
        }
        try {
            current.close(true);
        } catch (MqttException e) {
            LOG.debug("close of {}: {}", clientId, e.toString());
        }
    }

    private static javax.net.SocketFactory trusting(String path, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(path.endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password.isEmpty() ? null : password.toCharArray());
        }
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
