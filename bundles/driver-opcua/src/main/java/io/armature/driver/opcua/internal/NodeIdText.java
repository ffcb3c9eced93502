package io.armature.driver.opcua.internal;

import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** Node ids in their text form ({@code ns=2;s=Name}, {@code i=85}, {@code nsu=<uri>;s=Name}). */
final class NodeIdText {
    private NodeIdText() {}

    static boolean isValid(String text) {
        return text.startsWith("nsu=")
                ? parseExpanded(text).isPresent()
                : NodeId.parseSafe(text).isPresent();
    }

    /**
     * The node id of a text, namespace URIs resolved through the server's namespace table.
     *
     * @throws IllegalArgumentException when the text is no node id
     * @throws NoSuchElementException when its namespace URI is not on the server
     */
    static NodeId parse(String text, NamespaceTable namespaces) {
        if (text.startsWith("nsu=")) {
            ExpandedNodeId expanded =
                    parseExpanded(text)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "'" + text + "' is not a node id"));
            return expanded.toNodeId(namespaces)
                    .orElseThrow(
                            () ->
                                    new NoSuchElementException(
                                            "the server has no namespace "
                                                    + expanded.getNamespaceUri()));
        }
        return NodeId.parseSafe(text)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "'"
                                                + text
                                                + "' is not a node id (ns=2;s=Name, i=85,"
                                                + " nsu=<uri>;s=Name)"));
    }

    private static Optional<ExpandedNodeId> parseExpanded(String text) {
        try {
            return Optional.of(ExpandedNodeId.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code Bad_NodeIdUnknown} and the like, with the specification's description. */
    static String describe(StatusCode status) {
        Optional<String[]> known = StatusCodes.lookup(status.getValue());
        String code = String.format("0x%08X", status.getValue());
        return known.map(k -> k[0] + " (" + code + "): " + k[1]).orElse(code);
    }

    /** {@code Bad_NodeIdUnknown}, or the hex code of an unknown status. */
    static String name(StatusCode status) {
        return StatusCodes.lookup(status.getValue())
                .map(k -> k[0])
                .orElse(String.format("0x%08X", status.getValue()));
    }
}
