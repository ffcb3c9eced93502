package io.armature.rest.internal.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.feature.FeatureInfo;
import io.armature.api.feature.FeatureManager;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.Problem;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Features: list, inspect, enable and disable at runtime. */
@Component(name = "io.armature.rest.system.features", service = FeaturesResource.class)
@RestResource
@Path("/api/v1/system/features")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public final class FeaturesResource {
    private final FeatureManager features;

    @Activate
    public FeaturesResource(@Reference FeatureManager features) {
        this.features = features;
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public Map<String, List<FeatureInfo>> list() {
        return Map.of("features", features.features());
    }

    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id}")
    public FeatureInfo get(@PathParam("id") String id) {
        return features.feature(id)
                .orElseThrow(() -> new NotFoundException("unknown feature '" + id + "'"));
    }

    /** Body {@code {"enabled": true|false}}. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FeatureInfo put(@PathParam("id") String id, JsonNode body) {
        if (body == null || !body.isObject() || !body.path("enabled").isBoolean()) {
            throw new ProblemException(
                    400,
                    "body must be {\"enabled\": true|false}",
                    List.of(new Problem.FieldError("enabled", "required, must be a JSON boolean")));
        }
        if (body.size() != 1) {
            throw new ProblemException(400, "unknown fields in body; only \"enabled\" is accepted");
        }
        if (features.feature(id).isEmpty()) {
            throw new NotFoundException("unknown feature '" + id + "'");
        }
        return features.setEnabled(id, body.get("enabled").booleanValue());
    }
}
