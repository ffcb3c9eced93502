package io.armature.rest.internal.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.armature.api.alert.AlertRule;
import io.armature.api.alert.Severity;
import io.armature.api.device.DeviceRegistry;
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
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code /api/v1/tenants/{tenant}/alert-rules}: alert rules of a tenant as factory configurations
 * of their rule type (name {@code <tenant>.<id>}), bodies {@code {"id", "type", "severity",
 * "config"}} converted through the type's metatype with every bad attribute named. The tenant is
 * the path's; the severity is a field of its own. Lives here with the driver instances because it
 * is the same plugin-instance machinery; the rule engine and the alerts are in {@code
 * io.armature.alerts}.
 */
@Component(name = "io.armature.rest.alert.rules", service = AlertRulesResource.class)
@RestResource
@Path("/api/v1/tenants/{tenant}/alert-rules")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class AlertRulesResource {
    private static final Set<String> BODY_FIELDS = Set.of("id", "type", "severity", "config");
    private static final Set<String> ENGINE_FIELDS = Set.of(AlertRule.TENANT, AlertRule.SEVERITY);

    private final PluginTypes types;
    private final ConfigurationAdmin configAdmin;
    private final DeviceRegistry registry;

    @Activate
    public AlertRulesResource(
            BundleContext context,
            @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metatype,
            @Reference ServiceComponentRuntime scr,
            @Reference DeviceRegistry registry) {
        this.configAdmin = configAdmin;
        this.registry = registry;
        this.types = ruleTypes(scr, metatype, context);
    }

    static PluginTypes ruleTypes(
            ServiceComponentRuntime scr, MetaTypeService metatype, BundleContext context) {
        return new PluginTypes(scr, metatype, context, AlertRule.class, AlertRule.TYPE_PROPERTY);
    }

    /** One rule: its configuration and type. */
    private record Rule(String id, PluginTypes.Type type, Configuration configuration) {}

    @GET
    public Map<String, Object> list(@PathParam("tenant") String tenant)
            throws IOException, InvalidSyntaxException {
        requireTenant(tenant);
        return Map.of("rules", rules(tenant).stream().map(this::view).toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("tenant") String tenant, @PathParam("id") String id)
            throws IOException, InvalidSyntaxException {
        requireTenant(tenant);
        return view(require(tenant, id));
    }

    @POST
    @RequiresRole(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("tenant") String tenant, JsonNode body)
            throws IOException, InvalidSyntaxException {
        requireTenant(tenant);
        List<FieldError> errors = new ArrayList<>();
        InstanceBodies.requireObject(body);
        InstanceBodies.unknownFields(body, BODY_FIELDS, errors);
        String id = InstanceBodies.id(body, errors);
        String typeName = InstanceBodies.text(body, "type", errors);
        PluginTypes.Type type = typeName == null ? null : type(typeName, errors);
        Map<String, Object> properties = properties(tenant, body, type, errors);
        if (!errors.isEmpty()) {
            throw InstanceBodies.invalid(errors);
        }
        if (find(tenant, id).isPresent()) {
            throw new ProblemException(
                    409, "tenant '" + tenant + "' has an alert rule '" + id + "' already");
        }
        Configuration configuration =
                configAdmin.getFactoryConfiguration(type.factoryPid(), tenant + "." + id, "?");
        ConfigurationSecrets.keepMasked(
                properties, null, InstanceBodies.ocd(type), "config.", errors);
        if (!errors.isEmpty()) {
            throw InstanceBodies.invalid(errors);
        }
        configuration.update(new Hashtable<>(properties));
        return Response.created(URI.create("/api/v1/tenants/" + tenant + "/alert-rules/" + id))
                .entity(view(new Rule(id, type, configuration)))
                .build();
    }

    @PUT
    @Path("{id}")
    @RequiresRole(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(
            @PathParam("tenant") String tenant, @PathParam("id") String id, JsonNode body)
            throws IOException, InvalidSyntaxException {
        requireTenant(tenant);
        Rule rule = require(tenant, id);
        List<FieldError> errors = new ArrayList<>();
        InstanceBodies.requireObject(body);
        InstanceBodies.unknownFields(body, BODY_FIELDS, errors);
        InstanceBodies.checkSame(body, "id", id, "rule", errors);
        InstanceBodies.checkSame(body, "type", rule.type().type(), "rule", errors);
        Map<String, Object> properties = properties(tenant, body, rule.type(), errors);
        ConfigurationSecrets.keepMasked(
                properties,
                rule.configuration().getProperties(),
                InstanceBodies.ocd(rule.type()),
                "config.",
                errors);
        if (!errors.isEmpty()) {
            throw InstanceBodies.invalid(errors);
        }
        rule.configuration().update(new Hashtable<>(properties));
        return view(rule);
    }

    @DELETE
    @Path("{id}")
    @RequiresRole(Role.ADMIN)
    public Response delete(@PathParam("tenant") String tenant, @PathParam("id") String id)
            throws IOException, InvalidSyntaxException {
        requireTenant(tenant);
        require(tenant, id).configuration().delete();
        return Response.noContent().build();
    }

    private PluginTypes.Type type(String name, List<FieldError> errors) {
        List<PluginTypes.Type> creatable = types.creatable();
        Optional<PluginTypes.Type> found =
                creatable.stream().filter(t -> t.type().equals(name)).findFirst();
        if (found.isEmpty()) {
            errors.add(
                    new FieldError(
                            "type",
                            "unknown alert rule type '"
                                    + name
                                    + "'; known: "
                                    + String.join(
                                            ", ",
                                            creatable.stream()
                                                    .map(PluginTypes.Type::type)
                                                    .toList())));
        }
        return found.orElse(null);
    }

    /**
     * The configuration: {@code config} with the path's tenant and the body's severity, through the
     * type's metatype (null type: only the severity and the reserved attributes are checked).
     */
    private static Map<String, Object> properties(
            String tenant, JsonNode body, PluginTypes.Type type, List<FieldError> errors) {
        JsonNode given = InstanceBodies.config(body);
        for (String field : ENGINE_FIELDS) {
            if (given.has(field)) {
                errors.add(
                        new FieldError(
                                "config." + field,
                                AlertRule.TENANT.equals(field)
                                        ? "the tenant is the path's ('" + tenant + "')"
                                        : "give the severity as the body's field \"severity\""));
            }
        }
        String severity = severity(body.get("severity"), errors);
        if (type == null || !given.isObject()) {
            return type == null ? Map.of() : InstanceBodies.convert(given, type, errors);
        }
        ObjectNode config = ((ObjectNode) given).deepCopy();
        config.put(AlertRule.TENANT, tenant);
        if (severity != null) {
            config.put(AlertRule.SEVERITY, severity);
        }
        return InstanceBodies.convert(config, type, errors);
    }

    private static String severity(JsonNode severity, List<FieldError> errors) {
        if (severity == null || severity.isNull()) {
            errors.add(
                    new FieldError(
                            "severity", "required: critical, major, minor, warning or info"));
            return null;
        }
        try {
            return Severity.of(severity.asText()).id();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("severity", e.getMessage()));
            return null;
        }
    }

    private Map<String, Object> view(Rule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        Dictionary<String, Object> properties = rule.configuration().getProperties();
        view.put("id", rule.id());
        view.put("type", rule.type().type());
        view.put("severity", properties == null ? null : properties.get(AlertRule.SEVERITY));
        view.put("pid", rule.configuration().getPid());
        Map<String, Object> config =
                new LinkedHashMap<>(
                        ConfigurationSecrets.masked(properties, InstanceBodies.ocd(rule.type())));
        ENGINE_FIELDS.forEach(config::remove);
        view.put("config", config);
        ComponentConfigurationDTO component =
                types.configurations(rule.type()).stream()
                        .filter(dto -> rule.configuration().getPid().equals(PluginTypes.pidOf(dto)))
                        .findFirst()
                        .orElse(null);
        if (component == null) {
            view.put("state", "pending");
            view.put("last_error", null);
        } else if (component.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
            view.put("state", "failed");
            view.put("last_error", PluginTypes.firstLine(component.failure));
        } else if (component.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
            view.put("state", "waiting");
            view.put("last_error", "waiting for services");
        } else {
            view.put("state", "active");
            view.put("last_error", null);
        }
        return view;
    }

    private List<Rule> rules(String tenant) throws IOException, InvalidSyntaxException {
        List<Rule> rules = new ArrayList<>();
        String prefix = tenant + ".";
        for (PluginTypes.Type type : types.creatable()) {
            Configuration[] found =
                    configAdmin.listConfigurations(
                            "(&(service.factoryPid="
                                    + type.factoryPid()
                                    + ")("
                                    + AlertRule.TENANT
                                    + "="
                                    + tenant
                                    + "))");
            for (Configuration c : found == null ? new Configuration[0] : found) {
                String name = c.getPid().substring(c.getPid().indexOf('~') + 1);
                if (name.startsWith(prefix)) {
                    rules.add(new Rule(name.substring(prefix.length()), type, c));
                }
            }
        }
        rules.sort(java.util.Comparator.comparing(Rule::id));
        return rules;
    }

    private Optional<Rule> find(String tenant, String id)
            throws IOException, InvalidSyntaxException {
        return rules(tenant).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private Rule require(String tenant, String id) throws IOException, InvalidSyntaxException {
        return find(tenant, id)
                .orElseThrow(
                        () ->
                                new NotFoundException(
                                        "tenant '" + tenant + "' has no alert rule '" + id + "'"));
    }

    private void requireTenant(String tenant) {
        if (registry.tenant(tenant).isEmpty()) {
            throw new NotFoundException("no tenant '" + tenant + "'");
        }
    }
}
