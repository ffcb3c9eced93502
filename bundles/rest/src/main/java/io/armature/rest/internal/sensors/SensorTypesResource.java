package io.armature.rest.internal.sensors;

import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.api.sensor.MetricSpec;
import io.armature.api.sensor.SensorType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code /api/v1/sensor-types}: every registered sensor type (built-in or from a plugin) with its
 * metrics, UCUM units, valid ranges (an open bound is {@code null}) and expected sampling interval.
 */
@Component(name = "io.armature.rest.sensortypes", service = SensorTypesResource.class)
@RestResource
@Path("/api/v1/sensor-types")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class SensorTypesResource {
    private final Map<String, SensorType> types = new ConcurrentHashMap<>();

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addType(SensorType type) {
        types.put(type.id(), type);
    }

    void removeType(SensorType type) {
        types.remove(type.id(), type);
    }

    @GET
    public Map<String, Object> list() {
        List<Map<String, Object>> result = new ArrayList<>();
        types.values().stream()
                .sorted(Comparator.comparing(SensorType::id))
                .forEach(type -> result.add(describe(type)));
        return Map.of("sensor_types", result);
    }

    @GET
    @Path("{id}")
    public Map<String, Object> one(@PathParam("id") String id) {
        SensorType type = types.get(id);
        if (type == null) {
            throw new NotFoundException("no sensor type with id '" + id + "'");
        }
        return describe(type);
    }

    static Map<String, Object> describe(SensorType type) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", type.id());
        json.put("description", type.description());
        json.put("sampling_interval_seconds", type.samplingInterval().toMillis() / 1000.0);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (MetricSpec metric : type.metrics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", metric.id());
            m.put("unit", metric.unit());
            m.put("display_name", metric.displayName());
            m.put("min", Double.isInfinite(metric.min()) ? null : metric.min());
            m.put("max", Double.isInfinite(metric.max()) ? null : metric.max());
            if (!metric.states().isEmpty()) {
                m.put("states", metric.states());
            }
            metrics.add(m);
        }
        json.put("metrics", metrics);
        return json;
    }
}
