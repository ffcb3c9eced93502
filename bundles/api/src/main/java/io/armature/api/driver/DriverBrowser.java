package io.armature.api.driver;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An optional capability of a {@link ProtocolDriver} whose server has an address space to browse
 * (OPC UA, say): {@code GET /api/v1/drivers/{id}/browse?node=<node id>} lists the children of a
 * node, so that an integrator picks what to map without another tool. Implemented by the driver
 * object itself; found through {@link DriverMonitor#instance}.
 */
@ConsumerType
public interface DriverBrowser {
    /**
     * The children of a node, as the driver's current connection reads them now.
     *
     * @param node the node's id in the protocol's notation; null or empty for the protocol's
     *     natural root (OPC UA: the Objects folder)
     * @return the children, in the server's order
     * @throws IllegalArgumentException when {@code node} is not a valid id (REST answers 400)
     * @throws java.util.NoSuchElementException when the server has no such node (404)
     * @throws IllegalStateException when the driver is not connected (409)
     */
    List<BrowseNode> browse(String node);
}
