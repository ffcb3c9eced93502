package io.armature.rest.internal.alerts;

import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.types.InstanceBodies;
import io.armature.rest.internal.types.PluginTypes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;

/** {@code GET /api/v1/alert-rules/types}: every rule type present, with its metatype schema. */
@Component(name = "io.armature.rest.alert.rule.types", service = AlertRuleTypesResource.class)
@RestResource
@Path("/api/v1/alert-rules/types")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class AlertRuleTypesResource {
    private final PluginTypes types;

    @Activate
    public AlertRuleTypesResource(
            BundleContext context,
            @Reference MetaTypeService metatype,
            @Reference ServiceComponentRuntime scr) {
        this.types = AlertRulesResource.ruleTypes(scr, metatype, context);
    }

    @GET
    public Map<String, Object> types() {
        return Map.of("types", types.creatable().stream().map(InstanceBodies::typeView).toList());
    }
}
