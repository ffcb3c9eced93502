package io.armature.itest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * The test server's {@code Machine} folder (string node ids {@code Machine.<name>}): {@code
 * Counter} (Int32, +1 every 100 ms), {@code Temperature} (Double, a slow sine), {@code Running}
 * (Boolean, toggles every second), {@code SetPoint} (Double, writable), {@code Faulty} (Double,
 * every fifth value with status Bad_SensorFailure), {@code Vibration} (a Double array), {@code
 * Label} (a String) and {@code Load.<n>} (Doubles that all change every 100 ms, for benches).
 */
final class MachineNamespace extends ManagedNamespaceWithLifecycle {
    static final String URI = "urn:armature:itest:machine";

    /** The machine's state; it survives a server restart like a PLC's retained memory. */
    static final class State {
        private final int loadItems;
        volatile int counter;
        volatile double setPoint = 20.0;
        volatile long ticks;

        State(int loadItems) {
            this.loadItems = loadItems;
        }

        void tick() {
            ticks++;
            counter++;
        }

        double temperature() {
            return 20 + 5 * Math.sin(ticks / 50.0);
        }

        boolean running() {
            return (ticks / 10) % 2 == 0;
        }
    }

    private final State state;
    private final SubscriptionModel subscriptions;
    private final Map<String, UaVariableNode> variables = new LinkedHashMap<>();
    private final List<UaVariableNode> load = new ArrayList<>();

    MachineNamespace(OpcUaServer server, State state) {
        super(server, URI);
        this.state = state;
        this.subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    private void createNodes() {
        UaFolderNode machine =
                new UaFolderNode(
                        getNodeContext(),
                        newNodeId("Machine"),
                        newQualifiedName("Machine"),
                        LocalizedText.english("Machine"));
        getNodeManager().addNode(machine);
        machine.addReference(
                new Reference(
                        machine.getNodeId(),
                        NodeIds.Organizes,
                        NodeIds.ObjectsFolder.expanded(),
                        false));
        variable(machine, "Counter", NodeIds.Int32, new Variant(state.counter), false);
        variable(machine, "Temperature", NodeIds.Double, new Variant(state.temperature()), false);
        variable(machine, "Running", NodeIds.Boolean, new Variant(state.running()), false);
        variable(machine, "SetPoint", NodeIds.Double, new Variant(state.setPoint), true);
        variable(machine, "Faulty", NodeIds.Double, new Variant(1.0), false);
        variable(
                machine,
                "Vibration",
                NodeIds.Double,
                new Variant(new Double[] {0.1, 0.2, 0.3}),
                false);
        variable(machine, "Label", NodeIds.String, new Variant("line 3"), false);
        for (int i = 0; i < state.loadItems; i++) {
            load.add(variable(machine, "Load." + i, NodeIds.Double, new Variant(0.0), false));
        }
    }

    private UaVariableNode variable(
            UaFolderNode folder, String name, NodeId type, Variant value, boolean writable) {
        Set<AccessLevel> access = writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY;
        UaVariableNode node =
                new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                        .setNodeId(newNodeId("Machine." + name))
                        .setBrowseName(newQualifiedName(name))
                        .setDisplayName(LocalizedText.english(name))
                        .setDataType(type)
                        .setValueRank(value.getValue() instanceof Object[] ? 1 : -1)
                        .setTypeDefinition(NodeIds.BaseDataVariableType)
                        .setAccessLevel(access)
                        .setUserAccessLevel(access)
                        .setValue(new DataValue(value, StatusCode.GOOD, DateTime.now()))
                        .build();
        getNodeManager().addNode(node);
        folder.addOrganizes(node);
        variables.put(name, node);
        return node;
    }

    /** Sets the changing variables from the state (called every 100 ms). */
    void publish() {
        DateTime now = DateTime.now();
        set("Counter", new Variant(state.counter), StatusCode.GOOD, now);
        set("Temperature", new Variant(state.temperature()), StatusCode.GOOD, now);
        set("Running", new Variant(state.running()), StatusCode.GOOD, now);
        boolean fault = state.ticks % 5 == 0;
        set(
                "Faulty",
                new Variant((double) state.ticks),
                fault ? new StatusCode(StatusCodes.Bad_SensorFailure) : StatusCode.GOOD,
                now);
        UaVariableNode setPoint = variables.get("SetPoint");
        if (setPoint != null && setPoint.getValue().value().getValue() instanceof Double d) {
            state.setPoint = d;
        }
        for (int i = 0; i < load.size(); i++) {
            load.get(i)
                    .setValue(
                            new DataValue(
                                    new Variant(state.ticks + i / 1000.0), StatusCode.GOOD, now));
        }
    }

    private void set(String name, Variant value, StatusCode status, DateTime time) {
        UaVariableNode node = variables.get(name);
        if (node != null) {
            node.setValue(new DataValue(value, status, time));
        }
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptions.onMonitoringModeChanged(items);
    }
}
