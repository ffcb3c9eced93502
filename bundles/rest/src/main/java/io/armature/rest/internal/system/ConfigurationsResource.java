package io.armature.rest.internal.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.feature.ConfigurationPid;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.Problem.FieldError;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * ConfigAdmin over REST, with the metatype schema of each PID so a UI can render a form. Factory
 * configurations are addressed as {@code factoryPid~name}. A PUT is validated against the schema
 * and rejected as a whole, listing every bad field.
 */
@Component(name = "io.armature.rest.system.configurations", service = ConfigurationsResource.class)
@RestResource
@Path("/api/v1/system/configurations")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigurationsResource {
    /**
     * One configuration or configurable PID.
     *
     * @param pid the PID ({@code factoryPid~name} for factory configurations, the factory PID
     *     itself for an unconfigured factory)
     * @param factoryPid factory PID, null for singletons
     * @param configured whether a configuration exists
     * @param properties current values (passwords masked), null when not configured
     * @param schema the metatype form, null when the PID has no metatype
     */
    public record ConfigurationInfo(
            String pid,
            String factoryPid,
            boolean configured,
            Map<String, Object> properties,
            MetatypeSchemas.Schema schema) {}

    /** Longer PIDs make file names the file system refuses. */
    static final int MAX_PID_LENGTH = 200;

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final MetaTypeService metatype;

    @Activate
    public ConfigurationsResource(
            BundleContext context,
            @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metatype) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.metatype = metatype;
    }

    @GET
    public Map<String, List<ConfigurationInfo>> list() throws IOException, InvalidSyntaxException {
        TreeMap<String, MetatypeSchemas.Found> schemas = schemas().all();
        Map<String, ConfigurationInfo> result = new TreeMap<>();
        Configuration[] configurations = configAdmin.listConfigurations(null);
        for (Configuration c : configurations == null ? new Configuration[0] : configurations) {
            MetatypeSchemas.Found found =
                    schemas.get(c.getFactoryPid() != null ? c.getFactoryPid() : c.getPid());
            result.put(c.getPid(), info(c, found));
        }
        schemas.forEach(
                (pid, found) ->
                        result.putIfAbsent(
                                pid,
                                new ConfigurationInfo(
                                        pid,
                                        found.factory() ? pid : null,
                                        false,
                                        null,
                                        MetatypeSchemas.render(found))));
        return Map.of("configurations", new ArrayList<>(result.values()));
    }

    @GET
    @Path("{pid}")
    public ConfigurationInfo get(@PathParam("pid") String pid)
            throws IOException, InvalidSyntaxException {
        Optional<MetatypeSchemas.Found> schema = schemaFor(pid);
        Optional<Configuration> configuration = existing(pid);
        if (configuration.isEmpty() && schema.isEmpty()) {
            throw new NotFoundException("no configuration and no metatype for PID '" + pid + "'");
        }
        return configuration
                .map(c -> info(c, schema.orElse(null)))
                .orElseGet(
                        () ->
                                new ConfigurationInfo(
                                        pid,
                                        factoryPid(pid),
                                        false,
                                        null,
                                        MetatypeSchemas.render(schema.get())));
    }

    @PUT
    @Path("{pid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigurationInfo put(@PathParam("pid") String pid, JsonNode body)
            throws IOException, InvalidSyntaxException {
        if (pid.length() > MAX_PID_LENGTH || !pid.matches("[A-Za-z0-9_.$-]+(~[A-Za-z0-9_.:-]+)?")) {
            throw new ProblemException(
                    400,
                    "'"
                            + pid.substring(0, Math.min(pid.length(), 80))
                            + (pid.length() > 80 ? "…" : "")
                            + "' is not a valid PID: at most "
                            + MAX_PID_LENGTH
                            + " characters of [A-Za-z0-9_.$-] (factory configurations:"
                            + " factoryPid~name)");
        }
        Optional<MetatypeSchemas.Found> schema = schemaFor(pid);
        List<FieldError> errors = new ArrayList<>();
        ObjectClassDefinition ocd = schema.map(MetatypeSchemas.Found::ocd).orElse(null);
        Map<String, Object> properties = ConfigurationValidator.convert(body, ocd, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    400,
                    errors.size()
                            + " invalid configuration propert"
                            + (errors.size() == 1 ? "y" : "ies")
                            + " for "
                            + pid,
                    errors);
        }
        Configuration configuration = configuration(pid);
        ConfigurationSecrets.keepMasked(properties, configuration.getProperties(), ocd, "", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid secret for " + pid, errors);
        }
        configuration.update(new Hashtable<>(properties));
        return info(configuration, schema.orElse(null));
    }

    @DELETE
    @Path("{pid}")
    public Response delete(@PathParam("pid") String pid)
            throws IOException, InvalidSyntaxException {
        Configuration configuration =
                existing(pid)
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "no configuration with PID '" + pid + "'"));
        configuration.delete();
        return Response.noContent().build();
    }

    private MetatypeSchemas schemas() {
        return new MetatypeSchemas(metatype, context.getBundles());
    }

    private Optional<MetatypeSchemas.Found> schemaFor(String pid) {
        String factory = factoryPid(pid);
        return factory != null ? schemas().find(factory, true) : schemas().find(pid, false);
    }

    private static String factoryPid(String pid) {
        ConfigurationPid id = ConfigurationPid.parse(pid);
        return id.isFactory() ? id.base() : null;
    }

    private Optional<Configuration> existing(String pid)
            throws IOException, InvalidSyntaxException {
        String escaped =
                pid.replace("\\", "\\\\")
                        .replace("(", "\\(")
                        .replace(")", "\\)")
                        .replace("*", "\\*");
        Configuration[] found =
                configAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escaped + ")");
        return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
    }

    private Configuration configuration(String pid) throws IOException {
        String factory = factoryPid(pid);
        return factory != null
                ? configAdmin.getFactoryConfiguration(
                        factory, pid.substring(factory.length() + 1), "?")
                : configAdmin.getConfiguration(pid, "?");
    }

    private static ConfigurationInfo info(
            Configuration configuration, MetatypeSchemas.Found schema) {
        return new ConfigurationInfo(
                configuration.getPid(),
                configuration.getFactoryPid(),
                true,
                ConfigurationSecrets.masked(
                        configuration.getProperties(), schema == null ? null : schema.ocd()),
                schema == null ? null : MetatypeSchemas.render(schema));
    }
}
