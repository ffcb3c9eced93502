package io.armature.rest.internal.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.driver.DriverMonitor;
import io.armature.api.driver.DriverType;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.Problem.FieldError;
import io.armature.rest.internal.problem.ProblemException;
import io.armature.rest.internal.system.ConfigurationSecrets;
import io.armature.rest.internal.types.InstanceBodies;
import io.armature.rest.internal.types.PluginTypes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code /api/v1/drivers}: driver types with their configuration schema, and driver instances
 * (factory configurations of a type) created, changed, removed and restarted while the runtime
 * runs. Instances made through ConfigAdmin, {@code deploy/*.config} or a profile are listed the
 * same way.
 */
@Component(name = "io.armature.rest.drivers", service = DriversResource.class)
@RestResource
@Path("/api/v1/drivers")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class DriversResource {
    private static final Set<String> BODY_FIELDS = Set.of("id", "type", "config");

    private final PluginTypes types;
    private final DriverInstances instances;
    private final ConfigurationAdmin configAdmin;
    private final DriverMonitor monitor;

    @Activate
    public DriversResource(
            BundleContext context,
            @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metatype,
            @Reference ServiceComponentRuntime scr,
            @Reference DriverMonitor monitor) {
        this.configAdmin = configAdmin;
        this.monitor = monitor;
        this.types =
                new PluginTypes(scr, metatype, context, ProtocolDriver.class, DriverType.PROPERTY);
        this.instances = new DriverInstances(types, configAdmin, monitor);
    }

    @GET
    @Path("types")
    public Map<String, Object> types() {
        return Map.of("types", types.creatable().stream().map(InstanceBodies::typeView).toList());
    }

    @GET
    public Map<String, Object> list() throws IOException, InvalidSyntaxException {
        return Map.of("drivers", instances.all().stream().map(instances::view).toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id)
            throws IOException, InvalidSyntaxException {
        return instances.view(require(id));
    }

    @POST
    @RequiresRole(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) throws IOException, InvalidSyntaxException {
        List<FieldError> errors = new ArrayList<>();
        InstanceBodies.requireObject(body);
        InstanceBodies.unknownFields(body, BODY_FIELDS, errors);
        String id = InstanceBodies.id(body, errors);
        String typeName = InstanceBodies.text(body, "type", errors);
        PluginTypes.Type type = null;
        if (typeName != null) {
            type =
                    types.creatable().stream()
                            .filter(t -> t.type().equals(typeName))
                            .findFirst()
                            .orElse(null);
            if (type == null) {
                errors.add(
                        new FieldError(
                                "type",
                                "unknown driver type '"
                                        + typeName
                                        + "'; known: "
                                        + String.join(
                                                ", ",
                                                types.creatable().stream()
                                                        .map(PluginTypes.Type::type)
                                                        .toList())));
            }
        }
        Map<String, Object> properties =
                type == null
                        ? Map.of()
                        : InstanceBodies.convert(InstanceBodies.config(body), type, errors);
        if (!errors.isEmpty()) {
            throw InstanceBodies.invalid(errors);
        }
        if (instances.find(id).isPresent()) {
            throw new ProblemException(409, "a driver with id '" + id + "' exists already");
        }
        Configuration configuration =
                configAdmin.getFactoryConfiguration(type.factoryPid(), id, "?");
        ConfigurationSecrets.keepMasked(
                properties, null, InstanceBodies.ocd(type), "config.", errors);
        if (!errors.isEmpty()) {
            throw InstanceBodies.invalid(errors);
        }
        configuration.update(new Hashtable<>(properties));
        return Response.created(URI.create("/api/v1/drivers/" + id))
                .entity(instances.view(awaitSupervised(id)))
                .build();
    }

    @PUT
    @Path("{id}")
    @RequiresRole(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, JsonNode body)
            throws IOException, InvalidSyntaxException {
        DriverInstances.Instance instance = require(id);
        List<FieldError> errors = new ArrayList<>();
        InstanceBodies.requireObject(body);
        InstanceBodies.unknownFields(body, BODY_FIELDS, errors);
        InstanceBodies.checkSame(body, "id", id, "driver", errors);
        InstanceBodies.checkSame(body, "type", instance.type().type(), "driver", errors);
        Map<String, Object> properties =
                InstanceBodies.convert(InstanceBodies.config(body), instance.type(), errors);
        Configuration configuration =
                instance.configuration() != null
                        ? instance.configuration()
                        : configAdmin.getConfiguration(instance.pid(), "?");
        ConfigurationSecrets.keepMasked(
                properties,
                configuration.getProperties(),
                InstanceBodies.ocd(instance.type()),
                "config.",
                errors);
        if (!errors.isEmpty()) {
            throw InstanceBodies.invalid(errors);
        }
        configuration.update(new Hashtable<>(properties));
        return instances.view(awaitSupervised(id));
    }

    @DELETE
    @Path("{id}")
    @RequiresRole(Role.ADMIN)
    public Response delete(@PathParam("id") String id) throws IOException, InvalidSyntaxException {
        DriverInstances.Instance instance = require(id);
        if (instance.configuration() == null) {
            throw new ProblemException(
                    409,
                    "driver '"
                            + id
                            + "' has no configuration to delete: it runs with the defaults of its"
                            + " bundle; stop that bundle instead");
        }
        instance.configuration().delete();
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/restart")
    @RequiresRole(Role.OPERATOR)
    public Response restart(@PathParam("id") String id) throws IOException, InvalidSyntaxException {
        DriverInstances.Instance instance = require(id);
        if (!monitor.restart(instance.pid())) {
            Map<String, Object> view = instances.view(instance);
            throw new ProblemException(
                    409,
                    "driver '"
                            + id
                            + "' is "
                            + view.get("state")
                            + (view.get("last_error") == null ? "" : ": " + view.get("last_error"))
                            + "; only a driver the supervisor runs can be restarted");
        }
        return Response.accepted(instances.view(instance)).build();
    }

    private DriverInstances.Instance require(String id) throws IOException, InvalidSyntaxException {
        return instances
                .find(id)
                .orElseThrow(() -> new NotFoundException("no driver with id '" + id + "'"));
    }

    /**
     * DS activates a new configuration asynchronously: the answer waits briefly (at most 3 s) for
     * the supervisor or DS to report on it, so it rarely says "not activated yet".
     */
    private DriverInstances.Instance awaitSupervised(String id)
            throws IOException, InvalidSyntaxException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        DriverInstances.Instance instance = require(id);
        while (System.nanoTime() < deadline
                && monitor.driver(instance.pid()).isEmpty()
                && "stopped".equals(instances.view(instance).get("state"))) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            instance = require(id);
        }
        return instance;
    }
}
