package io.armature.api.driver;

/**
 * One node of a server's address space, as {@link DriverBrowser#browse} lists it.
 *
 * @param nodeId the node's id, in a form the driver accepts back (in its node mapping and in {@link
 *     DriverBrowser#browse})
 * @param browseName the node's browse name, with its namespace prefix ({@code 2:Temperature})
 * @param displayName the node's display name
 * @param nodeClass {@code Object}, {@code Variable}, {@code Method}, ...
 * @param dataType the data type of a variable's value ({@code Double}, {@code Boolean}, ...), null
 *     for other node classes
 * @param value a variable's current value as a JSON value (Number, Boolean, String, a List for an
 *     array, the text form for anything else), null for other node classes or when unreadable
 * @param status the status of that read ({@code Good}, {@code Bad_NotReadable}, ...), null for
 *     other node classes
 * @param hasChildren whether browsing this node can list more nodes
 */
public record BrowseNode(
        String nodeId,
        String browseName,
        String displayName,
        String nodeClass,
        String dataType,
        Object value,
        String status,
        boolean hasChildren) {}
