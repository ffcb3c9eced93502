package io.armature.rest.internal.jersey;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import io.armature.rest.internal.problem.JsonExceptionMapper;
import io.armature.rest.internal.problem.UnexpectedExceptionMapper;
import io.armature.rest.internal.problem.WebApplicationExceptionMapper;
import java.util.Collection;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Builds the Jersey application from the current set of contributed resource instances. */
final class ApiConfig {
    private ApiConfig() {}

    static ResourceConfig build(Collection<Object> contributed, OpenApiResource openApi) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("armature");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.register(new JacksonJsonProvider(JsonMapper.create()));
        config.register(new WebApplicationExceptionMapper());
        config.register(new JsonExceptionMapper());
        config.register(new UnexpectedExceptionMapper());
        config.registerInstances(openApi);
        contributed.forEach(config::registerInstances);
        return config;
    }
}
