package io.armature.driver.opcua.internal;

import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.DeviceCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * Device commands as node writes: {@code write} with arguments {@code node_id} and {@code value}
 * for any device of the driver, or a named command of the {@code commands} attribute with argument
 * {@code value}. The answer names the node and the server's status code.
 */
final class NodeCommands {
    private final List<CommandMapping> mappings;

    NodeCommands(List<CommandMapping> mappings) {
        this.mappings = mappings;
    }

    void execute(
            OpcUaClient client,
            Executor executor,
            DeviceCommand command,
            CommandCallback callback) {
        NodeTarget target;
        try {
            target = target(command);
        } catch (IllegalArgumentException e) {
            callback.refused(e.getMessage());
            return;
        }
        if (!command.arguments().containsKey("value")) {
            callback.refused("argument 'value' is required: what to write to " + target);
            return;
        }
        Object value = command.arguments().get("value");
        CompletableFuture.supplyAsync(() -> resolve(client, target), executor)
                .thenCompose(
                        node ->
                                new NodeWriter(client)
                                        .write(node, value)
                                        .thenApply(status -> Map.entry(node, status)))
                .whenComplete(
                        (written, failure) -> {
                            if (failure != null) {
                                report(failure, target, callback);
                            } else if (written.getValue().isGood()) {
                                callback.succeeded(
                                        answer(written.getKey(), value, written.getValue()));
                            } else {
                                callback.failed(
                                        "writing "
                                                + target
                                                + " answered "
                                                + NodeIdText.describe(written.getValue()));
                            }
                        });
    }

    private NodeTarget target(DeviceCommand command) {
        if (command.name().equals(CommandMapping.WRITE)) {
            Object node = command.arguments().get("node_id");
            if (!(node instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException(
                        "command 'write' needs argument 'node_id' (a node id such as ns=2;s=SetPoint"
                                + " or a browse path) and 'value'");
            }
            return NodeTarget.parse(text.strip());
        }
        return mappings.stream()
                .filter(m -> m.name().equals(command.name()))
                .filter(
                        m ->
                                m.device().equals(command.device())
                                        && m.tenant().equals(command.tenant()))
                .findFirst()
                .map(CommandMapping::target)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "device "
                                                + command.device()
                                                + " has no command '"
                                                + command.name()
                                                + "'; it takes: "
                                                + String.join(", ", names(command))));
    }

    private List<String> names(DeviceCommand command) {
        List<String> names = new ArrayList<>();
        names.add(CommandMapping.WRITE);
        mappings.stream()
                .filter(
                        m ->
                                m.device().equals(command.device())
                                        && m.tenant().equals(command.tenant()))
                .forEach(m -> names.add(m.name()));
        return names;
    }

    private static NodeId resolve(OpcUaClient client, NodeTarget target) {
        try {
            NodeResolver.Resolved resolved = new NodeResolver(client).resolve(target);
            if (resolved.nodeId() == null) {
                throw new IllegalArgumentException(resolved.problem());
            }
            return resolved.nodeId();
        } catch (UaException e) {
            throw new CompletionException(e);
        }
    }

    private static void report(Throwable failure, NodeTarget target, CommandCallback callback) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
        if (cause instanceof IllegalArgumentException) {
            callback.refused(cause.getMessage());
            return;
        }
        StatusCode status = NodeWriter.statusOf(cause);
        callback.failed(
                "writing "
                        + target
                        + " failed: "
                        + (status != null ? NodeIdText.describe(status) : cause.toString()));
    }

    /** {@code Good (0x00000000): wrote 42.5 to ns=2;s=Machine.SetPoint}. */
    private static String answer(NodeId node, Object value, StatusCode status) {
        return NodeIdText.name(status)
                + String.format(" (0x%08X)", status.getValue())
                + ": wrote "
                + value
                + " to "
                + node.toParseableString();
    }
}
