package io.armature.rest.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.driver.CommandNotRoutableException;
import io.armature.api.driver.CommandRecord;
import io.armature.api.driver.DeviceCommands;
import io.armature.api.rest.RestResource;
import io.armature.api.sample.Identifiers;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.Problem.FieldError;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tenants/{tenant}/devices/{device}/commands}: a command is routed to the driver
 * that owns the device; its state follows what the driver and the device report.
 */
@Component(name = "io.armature.rest.commands", service = CommandsResource.class)
@RestResource
@Path("/api/v1/tenants/{tenant}/devices/{device}/commands")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class CommandsResource {
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int MAX_TIMEOUT_SECONDS = 3_600;
    private static final Set<String> FIELDS = Set.of("name", "arguments", "timeout_seconds");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeviceRegistry registry;
    private final DeviceCommands commands;

    @Activate
    public CommandsResource(
            @Reference DeviceRegistry registry, @Reference DeviceCommands commands) {
        this.registry = registry;
        this.commands = commands;
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(
            @PathParam("tenant") String tenant, @PathParam("device") String device, JsonNode body) {
        PathIdentifiers.requireDevice(registry, tenant, device);
        if (body == null || !body.isObject()) {
            throw new ProblemException(
                    400,
                    "body must be a JSON object {\"name\", \"arguments\", \"timeout_seconds\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                errors.add(
                        new FieldError(
                                field, "unknown field; allowed: arguments, name, timeout_seconds"));
            }
        }
        JsonNode nameNode = body.get("name");
        String name = null;
        if (nameNode == null || nameNode.isNull()) {
            errors.add(new FieldError("name", "required"));
        } else if (!nameNode.isTextual() || !Identifiers.isValid(nameNode.asText())) {
            errors.add(new FieldError("name", "must be a string matching " + Identifiers.PATTERN));
        } else {
            name = nameNode.asText();
        }
        Map<String, Object> arguments = Map.of();
        JsonNode argumentsNode = body.get("arguments");
        if (argumentsNode != null && !argumentsNode.isNull()) {
            if (!argumentsNode.isObject()) {
                errors.add(new FieldError("arguments", "must be a JSON object"));
            } else {
                arguments = JSON.convertValue(argumentsNode, Map.class);
            }
        }
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        JsonNode timeoutNode = body.get("timeout_seconds");
        if (timeoutNode != null && !timeoutNode.isNull()) {
            if (!timeoutNode.isIntegralNumber()
                    || timeoutNode.asLong() < 1
                    || timeoutNode.asLong() > MAX_TIMEOUT_SECONDS) {
                errors.add(
                        new FieldError(
                                "timeout_seconds",
                                "must be a whole number of seconds from 1 to "
                                        + MAX_TIMEOUT_SECONDS));
            } else {
                timeout = timeoutNode.asInt();
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid command", errors);
        }
        try {
            CommandRecord record =
                    commands.submit(tenant, device, name, arguments, Duration.ofSeconds(timeout));
            return Response.created(
                            URI.create(
                                    "/api/v1/tenants/"
                                            + tenant
                                            + "/devices/"
                                            + device
                                            + "/commands/"
                                            + record.command().id()))
                    .entity(view(record))
                    .build();
        } catch (CommandNotRoutableException e) {
            throw new ProblemException(409, e.getMessage());
        }
    }

    @GET
    public Map<String, Object> list(
            @PathParam("tenant") String tenant, @PathParam("device") String device) {
        PathIdentifiers.requireDevice(registry, tenant, device);
        return Map.of(
                "commands",
                commands.commands(tenant, device).stream().map(CommandsResource::view).toList());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(
            @PathParam("tenant") String tenant,
            @PathParam("device") String device,
            @PathParam("id") String id) {
        PathIdentifiers.requireDevice(registry, tenant, device);
        return commands.command(tenant, device, id)
                .map(CommandsResource::view)
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        404,
                                        "no command '"
                                                + id
                                                + "' of device "
                                                + tenant
                                                + "/"
                                                + device));
    }

    static Map<String, Object> view(CommandRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.command().id());
        view.put("name", record.command().name());
        view.put("arguments", record.command().arguments());
        view.put("state", record.state().name().toLowerCase(Locale.ROOT));
        view.put("answer", record.answer());
        view.put("driver", record.driver());
        view.put("created_at", record.createdAt());
        view.put("updated_at", record.updatedAt());
        view.put("deadline", record.command().deadline());
        return view;
    }
}
