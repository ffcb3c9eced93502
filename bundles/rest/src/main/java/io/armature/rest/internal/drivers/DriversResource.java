package io.armature.rest.internal.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.driver.DriverMonitor;
import io.armature.api.rest.RestResource;
import io.armature.api.sample.Identifiers;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.Problem.FieldError;
import io.armature.rest.internal.problem.ProblemException;
import io.armature.rest.internal.system.ConfigurationSecrets;
import io.armature.rest.internal.system.ConfigurationValidator;
import io.armature.rest.internal.system.MetatypeSchemas;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.osgi.service.metatype.ObjectClassDefinition;

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

    private final DriverTypes types;
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
        this.types = new DriverTypes(scr, metatype, context);
        this.instances = new DriverInstances(types, configAdmin, monitor);
    }

    @GET
    @Path("types")
    public Map<String, Object> types() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (DriverTypes.Type type : types.creatable()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("type", type.type());
            view.put("factory_pid", type.factoryPid());
            MetatypeSchemas.Schema schema =
                    type.schema() == null ? null : MetatypeSchemas.render(type.schema());
            view.put("name", schema == null ? type.type() : schema.name());
            view.put("description", schema == null ? null : schema.description());
            view.put("bundle", type.description().bundle.symbolicName);
            view.put("attributes", schema == null ? List.of() : schema.attributes());
            result.add(view);
        }
        return Map.of("types", result);
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
        requireObject(body);
        unknownFields(body, errors);
        String id = text(body, "id", errors);
        if (id != null && !Identifiers.isValid(id)) {
            errors.add(new FieldError("id", "'" + id + "' does not match " + Identifiers.PATTERN));
            id = null;
        }
        String typeName = text(body, "type", errors);
        DriverTypes.Type type = null;
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
                                                        .map(DriverTypes.Type::type)
                                                        .toList())));
            }
        }
        Map<String, Object> properties =
                type == null ? Map.of() : convert(config(body), type, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (instances.find(id).isPresent()) {
            throw new ProblemException(409, "a driver with id '" + id + "' exists already");
        }
        Configuration configuration =
                configAdmin.getFactoryConfiguration(type.factoryPid(), id, "?");
        ConfigurationSecrets.keepMasked(properties, null, ocd(type), "config.", errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
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
        requireObject(body);
        unknownFields(body, errors);
        checkSame(body, "id", id, errors);
        checkSame(body, "type", instance.type().type(), errors);
        Map<String, Object> properties = convert(config(body), instance.type(), errors);
        Configuration configuration =
                instance.configuration() != null
                        ? instance.configuration()
                        : configAdmin.getConfiguration(instance.pid(), "?");
        ConfigurationSecrets.keepMasked(
                properties, configuration.getProperties(), ocd(instance.type()), "config.", errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
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

    private static ObjectClassDefinition ocd(DriverTypes.Type type) {
        return type.schema() == null ? null : type.schema().ocd();
    }

    private static Map<String, Object> convert(
            JsonNode config, DriverTypes.Type type, List<FieldError> errors) {
        List<FieldError> configErrors = new ArrayList<>();
        Map<String, Object> properties =
                ConfigurationValidator.convert(config, ocd(type), configErrors);
        for (FieldError error : configErrors) {
            errors.add(
                    new FieldError(
                            error.field().isEmpty() ? "config" : "config." + error.field(),
                            error.message()));
        }
        return properties;
    }

    private static JsonNode config(JsonNode body) {
        JsonNode config = body.get("config");
        return config == null || config.isNull()
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : config;
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(
                    400,
                    "body must be a JSON object {\"id\", \"type\", \"config\"}, was "
                            + (body == null
                                    ? "empty"
                                    : body.getNodeType().toString().toLowerCase()));
        }
    }

    private static void unknownFields(JsonNode body, List<FieldError> errors) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!BODY_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field; allowed: config, id, type"));
            }
        }
    }

    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(field, "required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string, was " + node.getNodeType()));
            return null;
        }
        return node.asText();
    }

    private static void checkSame(
            JsonNode body, String field, String expected, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull() && !expected.equals(node.asText())) {
            errors.add(
                    new FieldError(
                            field,
                            "cannot be changed (is '" + expected + "'); create a new driver"));
        }
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(
                400,
                errors.size()
                        + " invalid field"
                        + (errors.size() == 1 ? "" : "s")
                        + ": "
                        + String.join(
                                ", ", errors.stream().map(FieldError::field).distinct().toList()),
                errors);
    }
}
