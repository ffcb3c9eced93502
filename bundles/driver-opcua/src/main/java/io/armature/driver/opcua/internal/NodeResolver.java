package io.armature.driver.opcua.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePath;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePathResult;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePath;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePathElement;

/**
 * Turns {@link NodeTarget}s into node ids of the connected server: node ids through its namespace
 * table, browse paths through TranslateBrowsePathsToNodeIds (hierarchical references from the root
 * folder). Done again on every connect, so a server whose node ids change keeps working.
 */
final class NodeResolver {
    /** A resolved target: the node id, or why there is none. */
    record Resolved(NodeId nodeId, String problem) {}

    private final OpcUaClient client;

    NodeResolver(OpcUaClient client) {
        this.client = client;
    }

    /** Resolves many targets at once (one service call for all browse paths). */
    List<Resolved> resolve(List<NodeTarget> targets) throws UaException {
        List<Resolved> result = new ArrayList<>();
        List<BrowsePath> paths = new ArrayList<>();
        List<Integer> pathIndexes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            NodeTarget target = targets.get(i);
            if (target.isBrowsePath()) {
                paths.add(browsePath(target));
                pathIndexes.add(i);
                result.add(null);
            } else {
                result.add(byId(target));
            }
        }
        if (!paths.isEmpty()) {
            BrowsePathResult[] answers = client.translateBrowsePaths(paths).getResults();
            for (int j = 0; j < pathIndexes.size(); j++) {
                result.set(
                        pathIndexes.get(j), fromPath(targets.get(pathIndexes.get(j)), answers[j]));
            }
        }
        return result;
    }

    /** One target, for commands and browsing. */
    Resolved resolve(NodeTarget target) throws UaException {
        return resolve(List.of(target)).get(0);
    }

    private Resolved byId(NodeTarget target) {
        try {
            return new Resolved(NodeIdText.parse(target.text(), client.getNamespaceTable()), null);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            return new Resolved(null, e.getMessage());
        }
    }

    private static BrowsePath browsePath(NodeTarget target) {
        RelativePathElement[] elements =
                target.path().stream()
                        .map(
                                s ->
                                        new RelativePathElement(
                                                NodeIds.HierarchicalReferences,
                                                false,
                                                true,
                                                new QualifiedName(s.namespace(), s.name())))
                        .toArray(RelativePathElement[]::new);
        return new BrowsePath(NodeIds.RootFolder, new RelativePath(elements));
    }

    private Resolved fromPath(NodeTarget target, BrowsePathResult answer) {
        if (answer == null || !answer.getStatusCode().isGood()) {
            return new Resolved(
                    null,
                    "browse path "
                            + target.text()
                            + " not found: "
                            + (answer == null
                                    ? "no answer"
                                    : NodeIdText.describe(answer.getStatusCode())));
        }
        if (answer.getTargets() == null || answer.getTargets().length == 0) {
            return new Resolved(null, "browse path " + target.text() + " leads to no node");
        }
        return answer.getTargets()[0]
                .getTargetId()
                .toNodeId(client.getNamespaceTable())
                .map(id -> new Resolved(id, null))
                .orElseGet(
                        () ->
                                new Resolved(
                                        null,
                                        "browse path "
                                                + target.text()
                                                + " leads to a node of another server"));
    }
}
