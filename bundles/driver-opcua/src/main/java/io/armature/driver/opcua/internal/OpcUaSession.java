package io.armature.driver.opcua.internal;

import io.armature.api.driver.BrowseNode;
import io.armature.api.driver.DriverContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.stack.core.UaException;

/**
 * One driver run's connection: the connected Milo client, its subscription and a thread for the
 * blocking calls of commands. Losing the session (server restart, network loss, keep-alive
 * failures, a subscription that could not be transferred) reports the driver failed once; the
 * supervisor then closes this session and opens a new one after its backoff.
 */
final class OpcUaSession {
    private final OpcUaClient client;
    private final ExecutorService executor;
    private final NodeSubscription subscription;

    private OpcUaSession(
            OpcUaClient client, ExecutorService executor, NodeSubscription subscription) {
        this.client = client;
        this.executor = executor;
        this.subscription = subscription;
    }

    static OpcUaSession open(
            OpcUaSettings settings,
            ClientFactory factory,
            ClientCertificate certificate,
            ServerTrust trust,
            List<NodeHealth> nodes,
            DriverContext context,
            Clock clock,
            Predicate<NodeMapping> describe)
            throws Exception {
        String url = settings.config().endpointUrl();
        OpcUaClient client;
        try {
            client = factory.create(certificate);
        } catch (UaException e) {
            throw new IllegalStateException(
                    "cannot get the endpoints of " + url + ": " + reason(e), e);
        }
        AtomicBoolean reported = new AtomicBoolean();
        Runnable lost =
                () -> {
                    if (reported.compareAndSet(false, true)) {
                        context.failed("session with " + url + " lost; reconnecting");
                    }
                };
        ExecutorService executor =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread thread =
                                    new Thread(r, "armature-opcua-" + settings.driverName());
                            thread.setDaemon(true);
                            return thread;
                        });
        NodeSubscription subscription =
                new NodeSubscription(client, settings, nodes, context, clock, lost, describe);
        try {
            client.connect();
        } catch (UaException e) {
            disconnect(client);
            executor.shutdownNow();
            String rejection = trust.lastRejection();
            throw new IllegalStateException(
                    rejection != null ? rejection : "cannot connect to " + url + ": " + reason(e),
                    e);
        }
        try {
            subscription.open();
        } catch (UaException | RuntimeException e) {
            subscription.close();
            disconnect(client);
            executor.shutdownNow();
            throw new IllegalStateException(
                    "connected to " + url + " but cannot subscribe: " + reason(e), e);
        }
        client.addSessionActivityListener(
                new SessionActivityListener() {
                    @Override
                    public void onSessionInactive(UaSession session) {
                        lost.run();
                    }
                });
        return new OpcUaSession(client, executor, subscription);
    }

    OpcUaClient client() {
        return client;
    }

    ExecutorService executor() {
        return executor;
    }

    List<BrowseNode> browse(String node) {
        try {
            return new AddressSpaceBrowser(client).children(node);
        } catch (UaException e) {
            throw new IllegalStateException("browsing failed: " + reason(e), e);
        }
    }

    void close() {
        subscription.close();
        disconnect(client);
        executor.shutdownNow();
    }

    private static void disconnect(OpcUaClient client) {
        try {
            client.disconnect();
        } catch (UaException | RuntimeException e) {
            // already gone
        }
    }

    /** A status code's name and meaning, then the innermost cause's message. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        UaException status = null;
        while (cause != null) {
            if (status == null && cause instanceof UaException ua) {
                status = ua;
            }
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        String innermost = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        if (status == null) {
            return innermost;
        }
        String described = NodeIdText.describe(status.getStatusCode());
        return innermost.isBlank() || described.contains(innermost)
                ? described
                : described + " — " + innermost;
    }
}
