package io.armature.driver.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.IngestResult;
import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;

/**
 * One subscription of one driver run with a monitored item per mapped node. Each notification
 * becomes one batch of samples; bad, uncertain and unsupported values are counted per node (and as
 * the driver's rejections) and never stored.
 */
final class NodeSubscription implements OpcUaSubscription.SubscriptionListener {
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final OpcUaClient client;
    private final OpcUaSettings settings;
    private final List<NodeHealth> nodes;
    private final DriverContext context;
    private final Clock clock;
    private final Runnable lost;
    private final Predicate<NodeMapping> describe;

    /** Nodes whose unit the registry does not have yet (touched only on Milo's delivery thread). */
    private final List<NodeHealth> unitsPending;

    private OpcUaSubscription subscription;
    private volatile boolean closed;

    NodeSubscription(
            OpcUaClient client,
            OpcUaSettings settings,
            List<NodeHealth> nodes,
            DriverContext context,
            Clock clock,
            Runnable lost,
            Predicate<NodeMapping> describe) {
        this.client = client;
        this.settings = settings;
        this.nodes = nodes;
        this.context = context;
        this.clock = clock;
        this.lost = lost;
        this.describe = describe;
        this.unitsPending =
                new ArrayList<>(nodes.stream().filter(NodeHealth::unitUndescribed).toList());
    }

    /** Resolves the nodes and creates the subscription and its items on the server. */
    void open() throws UaException {
        List<NodeResolver.Resolved> resolved =
                new NodeResolver(client)
                        .resolve(nodes.stream().map(n -> n.mapping().target()).toList());
        subscription =
                new OpcUaSubscription(
                        client, (double) settings.config().publishingIntervalMillis());
        subscription.setSubscriptionListener(this);
        subscription.create();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeHealth node = nodes.get(i);
            NodeResolver.Resolved target = resolved.get(i);
            if (target.nodeId() == null) {
                node.refused(null, target.problem());
                continue;
            }
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(target.nodeId());
            item.setSamplingInterval(sampling(node.mapping()));
            item.setQueueSize(uint(settings.config().queueSize()));
            item.setDiscardOldest(true);
            NodeMapping.Deadband deadband = node.mapping().deadband();
            if (deadband != null) {
                item.setFilter(
                        new DataChangeFilter(
                                DataChangeTrigger.StatusValue,
                                uint(
                                        (deadband.percent()
                                                        ? DeadbandType.Percent
                                                        : DeadbandType.Absolute)
                                                .getValue()),
                                deadband.value()));
            }
            item.setUserObject(node);
            items.add(item);
        }
        subscription.addMonitoredItems(items);
        for (MonitoredItemServiceOperationResult result : subscription.createMonitoredItems()) {
            NodeHealth node = (NodeHealth) result.monitoredItem().getUserObject().orElseThrow();
            String nodeId = result.monitoredItem().getReadValueId().getNodeId().toParseableString();
            StatusCode status =
                    result.serviceResult().isGood()
                            ? result.operationResult().orElse(StatusCode.BAD)
                            : result.serviceResult();
            if (status.isGood()) {
                node.subscribed(
                        nodeId, result.monitoredItem().getRevisedSamplingInterval().orElse(null));
            } else {
                node.refused(nodeId, NodeIdText.describe(status));
                subscription.removeMonitoredItem(result.monitoredItem());
            }
        }
    }

    private double sampling(NodeMapping mapping) {
        if (mapping.samplingMillis() != null) {
            return mapping.samplingMillis();
        }
        return settings.config().samplingIntervalMillis();
    }

    @Override
    public void onDataReceived(
            OpcUaSubscription source, List<OpcUaMonitoredItem> items, List<DataValue> values) {
        Instant now = clock.instant();
        List<Sample> samples = new ArrayList<>(items.size());
        long bad = 0;
        long uncertain = 0;
        long unsupported = 0;
        for (int i = 0; i < items.size(); i++) {
            NodeHealth node = (NodeHealth) items.get(i).getUserObject().orElse(null);
            if (node == null) {
                continue;
            }
            ValueReading reading = ValueReading.of(values.get(i), now);
            if (node.received(reading, now)) {
                NodeMapping m = node.mapping();
                samples.add(
                        new Sample(
                                m.tenant(),
                                m.device(),
                                m.metric(),
                                reading.time(),
                                reading.value()));
            } else {
                switch (reading.kind()) {
                    case BAD -> bad++;
                    case UNCERTAIN -> uncertain++;
                    case UNSUPPORTED -> unsupported++;
                    default -> {
                        // an already stored value repeated after a re-subscription
                    }
                }
            }
        }
        count("bad_status", bad);
        count("uncertain_status", uncertain);
        count("unsupported_value", unsupported);
        if (publish(new SampleBatch(samples)) && !unitsPending.isEmpty()) {
            unitsPending.removeIf(
                    n -> n.needsUnit() && describe.test(n.mapping()) && n.unitDescribed());
        }
    }

    private void count(String reason, long count) {
        if (count > 0) {
            context.rejected(reason, count);
        }
    }

    /**
     * Offers the batch until ingest took all of it (backpressure blocks Milo's delivery); true when
     * some samples were accepted.
     */
    private boolean publish(SampleBatch batch) {
        SampleBatch rest = batch;
        boolean accepted = false;
        try {
            while (rest.size() > 0 && !closed) {
                IngestResult result = context.publish(rest, MAX_WAIT);
                accepted |= result.accepted() > 0;
                if (!result.mustRetry()) {
                    return accepted;
                }
                rest = result.unaccepted(rest);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return accepted;
    }

    @Override
    public void onWatchdogTimerElapsed(OpcUaSubscription source) {
        if (!closed) {
            lost.run();
        }
    }

    @Override
    public void onTransferFailed(OpcUaSubscription source, StatusCode status) {
        if (!closed) {
            lost.run();
        }
    }

    /** Deletes the subscription on the server, when it can still be reached. */
    void close() {
        closed = true;
        OpcUaSubscription current = subscription;
        if (current != null) {
            try {
                current.delete();
            } catch (UaException | RuntimeException e) {
                // the session is gone or going: the server drops the subscription with it
            }
        }
    }
}
