package io.armature.rest.internal.system;

import io.armature.api.plugin.PluginInfo;
import io.armature.api.plugin.PluginKind;
import io.armature.api.plugin.PluginRegistry;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/system/plugins}: discovered plugins grouped by kind (every kind listed). */
@Component(name = "io.armature.rest.system.plugins", service = PluginsResource.class)
@RestResource
@Path("/api/v1/system/plugins")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource {
    private final PluginRegistry registry;

    @Activate
    public PluginsResource(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public Map<String, Object> list() {
        Map<String, List<PluginInfo>> byKind = new LinkedHashMap<>();
        for (PluginKind kind : PluginKind.values()) {
            byKind.put(kind.name().toLowerCase(Locale.ROOT), new ArrayList<>());
        }
        List<PluginInfo> all = registry.plugins();
        all.forEach(p -> byKind.get(p.kind().name().toLowerCase(Locale.ROOT)).add(p));
        return Map.of("count", all.size(), "kinds", byKind);
    }
}
