package io.armature.driver.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.armature.api.driver.BrowseNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/**
 * The children of a node (hierarchical references, forward), with the value and data type of each
 * variable read in one call and the data types' names in another.
 */
final class AddressSpaceBrowser {
    private static final int MAX_CHILDREN = 1_000;

    private final OpcUaClient client;

    AddressSpaceBrowser(OpcUaClient client) {
        this.client = client;
    }

    List<BrowseNode> children(String node) throws UaException {
        NodeId parent = parent(node);
        List<ReferenceDescription> references = references(parent, node);
        List<NodeId> ids = new ArrayList<>();
        for (ReferenceDescription reference : references) {
            ids.add(reference.getNodeId().toNodeId(client.getNamespaceTable()).orElse(null));
        }
        List<ReadValueId> reads = new ArrayList<>();
        // for each reference, the index of its variable's reads (value, data type), or -1
        int[] variableOf = new int[references.size()];
        java.util.Arrays.fill(variableOf, -1);
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i).getNodeClass() == NodeClass.Variable && ids.get(i) != null) {
                variableOf[i] = reads.size() / 2;
                reads.add(read(ids.get(i), AttributeId.Value));
                reads.add(read(ids.get(i), AttributeId.DataType));
            }
        }
        DataValue[] values =
                reads.isEmpty()
                        ? new DataValue[0]
                        : client.read(0.0, TimestampsToReturn.Neither, reads).getResults();
        Map<NodeId, String> typeNames = typeNames(values);
        List<BrowseNode> result = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            ReferenceDescription reference = references.get(i);
            int variable = variableOf[i];
            Object value = null;
            String status = null;
            String dataType = null;
            if (variable >= 0) {
                DataValue read = values[2 * variable];
                status = NodeIdText.name(read.statusCode());
                value = read.value() == null ? null : JsonValues.of(read.value().getValue());
                Object type = values[2 * variable + 1].value().getValue();
                dataType =
                        type instanceof NodeId id
                                ? typeNames.getOrDefault(id, id.toParseableString())
                                : null;
            }
            NodeClass nodeClass = reference.getNodeClass();
            result.add(
                    new BrowseNode(
                            ids.get(i) == null
                                    ? reference.getNodeId().toParseableString()
                                    : ids.get(i).toParseableString(),
                            reference.getBrowseName().toParseableString(),
                            reference.getDisplayName() == null
                                    ? null
                                    : reference.getDisplayName().getText(),
                            nodeClass == null ? null : nodeClass.name(),
                            dataType,
                            value,
                            status,
                            nodeClass == NodeClass.Object || nodeClass == NodeClass.View));
        }
        return result;
    }

    private NodeId parent(String node) throws UaException {
        if (node == null || node.isBlank()) {
            return NodeIds.ObjectsFolder;
        }
        NodeTarget target = NodeTarget.parse(node.strip());
        NodeResolver.Resolved resolved = new NodeResolver(client).resolve(target);
        if (resolved.nodeId() == null) {
            throw new NoSuchElementException(resolved.problem());
        }
        return resolved.nodeId();
    }

    private List<ReferenceDescription> references(NodeId parent, String node) throws UaException {
        BrowseResult page =
                client.browse(
                        new BrowseDescription(
                                parent,
                                BrowseDirection.Forward,
                                NodeIds.HierarchicalReferences,
                                true,
                                uint(0),
                                uint(BrowseResultMask.All.getValue())));
        if (page.getStatusCode().getValue() == StatusCodes.Bad_NodeIdUnknown) {
            throw new NoSuchElementException("the server has no node " + node);
        }
        if (page.getStatusCode().isBad()) {
            throw new IllegalStateException(
                    "browsing " + node + " failed: " + NodeIdText.describe(page.getStatusCode()));
        }
        List<ReferenceDescription> all = new ArrayList<>();
        while (true) {
            if (page.getReferences() != null) {
                all.addAll(List.of(page.getReferences()));
            }
            ByteString next = page.getContinuationPoint();
            if (next == null || next.isNull() || all.size() >= MAX_CHILDREN) {
                if (next != null && !next.isNull()) {
                    client.browseNext(true, List.of(next));
                }
                return all.size() > MAX_CHILDREN ? all.subList(0, MAX_CHILDREN) : all;
            }
            BrowseResult[] results = client.browseNext(false, List.of(next)).getResults();
            if (results == null || results.length == 0) {
                return all;
            }
            page = results[0];
        }
    }

    private Map<NodeId, String> typeNames(DataValue[] values) throws UaException {
        List<NodeId> types = new ArrayList<>();
        for (int i = 1; i < values.length; i += 2) {
            if (values[i].value().getValue() instanceof NodeId id && !types.contains(id)) {
                types.add(id);
            }
        }
        Map<NodeId, String> names = new LinkedHashMap<>();
        if (types.isEmpty()) {
            return names;
        }
        DataValue[] read =
                client.read(
                                0.0,
                                TimestampsToReturn.Neither,
                                types.stream().map(t -> read(t, AttributeId.BrowseName)).toList())
                        .getResults();
        for (int i = 0; i < types.size(); i++) {
            if (read[i].value().getValue() instanceof QualifiedName name) {
                names.put(types.get(i), name.getName());
            }
        }
        return names;
    }

    private static ReadValueId read(NodeId node, AttributeId attribute) {
        return new ReadValueId(node, uint(attribute.id()), null, QualifiedName.NULL_VALUE);
    }
}
