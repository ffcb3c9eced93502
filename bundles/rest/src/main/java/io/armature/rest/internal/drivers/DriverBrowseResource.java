package io.armature.rest.internal.drivers;

import io.armature.api.driver.BrowseNode;
import io.armature.api.driver.DriverBrowser;
import io.armature.api.driver.DriverMonitor;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code GET /api/v1/drivers/{id}/browse?node=}: the children of a node of the driver's server (OPC
 * UA: default the Objects folder), for drivers that implement {@link DriverBrowser}.
 */
@Component(name = "io.armature.rest.drivers.browse", service = DriverBrowseResource.class)
@RestResource
@Path("/api/v1/drivers/{id}/browse")
@RequiresRole(Role.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public final class DriverBrowseResource {
    private final DriverCapabilities capabilities;

    @Activate
    public DriverBrowseResource(
            BundleContext context,
            @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metatype,
            @Reference ServiceComponentRuntime scr,
            @Reference DriverMonitor monitor) {
        this.capabilities = DriverCapabilities.of(context, configAdmin, metatype, scr, monitor);
    }

    @GET
    public Map<String, Object> browse(@PathParam("id") String id, @QueryParam("node") String node)
            throws IOException, InvalidSyntaxException {
        DriverBrowser browser =
                capabilities.require(id, DriverBrowser.class, "browsing its server");
        List<BrowseNode> children;
        try {
            children = browser.browse(node);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, e.getMessage());
        } catch (NoSuchElementException e) {
            throw new ProblemException(404, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ProblemException(409, e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("node", node == null || node.isBlank() ? null : node);
        answer.put("children", children.stream().map(DriverBrowseResource::view).toList());
        return answer;
    }

    private static Map<String, Object> view(BrowseNode node) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("node_id", node.nodeId());
        view.put("browse_name", node.browseName());
        view.put("display_name", node.displayName());
        view.put("node_class", node.nodeClass());
        view.put("data_type", node.dataType());
        view.put("value", node.value());
        view.put("status", node.status());
        view.put("has_children", node.hasChildren());
        return view;
    }
}
