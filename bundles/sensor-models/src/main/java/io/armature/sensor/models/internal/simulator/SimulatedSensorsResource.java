package io.armature.sensor.models.internal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.api.sensor.SensorType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tenants/{tenant}/devices/{device}/sensors}, the seed's device-management shape:
 * adding a simulated sensor to a registered device creates (or extends) the device's simulator
 * driver instance; removing its last sensor removes the instance. Every bad field of a body is
 * named in one 400 answer.
 */
@Component(
        name = "io.armature.sensor.models.sensors.rest",
        service = SimulatedSensorsResource.class)
@RestResource
@Path("/api/v1/tenants/{tenant}/devices/{device}/sensors")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class SimulatedSensorsResource {
    private final SimulatorConfigs configs;
    private final DeviceRegistry registry;
    private final SensorTypeCatalog types;

    @Activate
    public SimulatedSensorsResource(
            @Reference ConfigurationAdmin configAdmin,
            @Reference DeviceRegistry registry,
            @Reference SensorTypeCatalog types) {
        this.configs = new SimulatorConfigs(configAdmin);
        this.types = types;
        this.registry = registry;
    }

    @GET
    public Map<String, Object> list(
            @PathParam("tenant") String tenant, @PathParam("device") String device)
            throws IOException {
        requireDevice(tenant, device);
        List<JsonNode> sensors = new ArrayList<>();
        SimulatorConfigs.Instance instance = configs.find(tenant, device);
        if (instance != null) {
            for (JsonNode sensor : instance.sensors()) {
                sensors.add(view(sensor, instance.driverId()));
            }
        }
        return Map.of("sensors", sensors);
    }

    @POST
    @RequiresRole(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(
            @PathParam("tenant") String tenant, @PathParam("device") String device, JsonNode body)
            throws IOException {
        requireDevice(tenant, device);
        List<String> errors = new ArrayList<>();
        SensorSpec spec = SensorSpec.parse(body, types::get, "", errors);
        if (spec == null) {
            throw SensorProblems.invalid(errors);
        }
        synchronized (configs) {
            SimulatorConfigs.Instance instance = configs.find(tenant, device);
            if (instance != null
                    && instance.sensors().stream()
                            .anyMatch(
                                    s ->
                                            spec.identifier()
                                                    .equals(
                                                            s.path("sensor_identifier")
                                                                    .asText()))) {
                throw SensorProblems.problem(
                        409,
                        "device '" + device + "' has a sensor '" + spec.identifier() + "' already");
            }
            String driverId = configs.add(tenant, device, instance, body);
            return Response.created(
                            URI.create(
                                    "/api/v1/tenants/"
                                            + tenant
                                            + "/devices/"
                                            + device
                                            + "/sensors/"
                                            + spec.identifier()))
                    .entity(view(body, driverId))
                    .build();
        }
    }

    @DELETE
    @Path("{sensor}")
    @RequiresRole(Role.OPERATOR)
    public Response remove(
            @PathParam("tenant") String tenant,
            @PathParam("device") String device,
            @PathParam("sensor") String sensor)
            throws IOException {
        requireDevice(tenant, device);
        synchronized (configs) {
            SimulatorConfigs.Instance instance = configs.find(tenant, device);
            if (instance == null || !configs.remove(instance, sensor)) {
                throw new NotFoundException(
                        "device '" + device + "' has no simulated sensor '" + sensor + "'");
            }
        }
        return Response.noContent().build();
    }

    private void requireDevice(String tenant, String device) {
        if (registry.tenant(tenant).isEmpty()) {
            throw new NotFoundException("no tenant '" + tenant + "'");
        }
        if (registry.device(tenant, device).isEmpty()) {
            throw new NotFoundException("no device '" + device + "' in tenant '" + tenant + "'");
        }
    }

    private JsonNode view(JsonNode sensor, String driverId) {
        ObjectNode view = sensor.deepCopy();
        view.put("driver_id", driverId);
        SensorType type = types.get(sensor.path("sensor_type").asText());
        if (type != null) {
            var metrics = view.putArray("metrics");
            SimulatedSensor.metricIds(sensor.path("sensor_identifier").asText(), type.metrics())
                    .forEach(metrics::add);
        }
        return view;
    }
}
