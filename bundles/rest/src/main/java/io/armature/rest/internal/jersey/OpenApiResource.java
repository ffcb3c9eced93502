package io.armature.rest.internal.jersey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of everything served right now. */
@Path("/api/v1/openapi.json")
@io.armature.api.security.RequiresRole(
        value = io.armature.api.security.Role.VIEWER,
        filtered = true)
public final class OpenApiResource {
    private final Supplier<List<Class<?>>> resourceClasses;

    OpenApiResource(Supplier<List<Class<?>>> resourceClasses) {
        this.resourceClasses = resourceClasses;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> document() {
        List<Class<?>> classes = new java.util.ArrayList<>(resourceClasses.get());
        classes.add(OpenApiResource.class);
        return OpenApiDocument.describe(classes, versionOf());
    }

    private static String versionOf() {
        var bundle = org.osgi.framework.FrameworkUtil.getBundle(OpenApiResource.class);
        return bundle == null ? "dev" : bundle.getVersion().toString();
    }
}
