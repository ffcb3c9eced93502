package io.armature.rest.internal.jersey;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import io.armature.rest.internal.problem.JsonExceptionMapper;
import io.armature.rest.internal.problem.UnexpectedExceptionMapper;
import io.armature.rest.internal.problem.WebApplicationExceptionMapper;
import io.armature.rest.internal.security.BodyLimitFilter;
import io.armature.rest.internal.security.FailClosedFilter;
import io.armature.rest.internal.security.HardeningFilter;
import java.util.Collection;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Builds the Jersey application from the current set of contributed resource instances. */
final class ApiConfig {
    private ApiConfig() {}

    /**
     * @param authorized true when an authorization filter is among the contributed services, or
     *     security enforcement is off; otherwise a fail-closed filter refuses every request that
     *     needs credentials
     */
    static ResourceConfig build(
            Collection<Object> contributed, OpenApiResource openApi, boolean authorized) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("armature");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.register(new JacksonJsonProvider(JsonMapper.create()));
        // META-INF/services lookup is off (it is unreliable across bundles): server-sent events
        // and the Servlet async support they need are registered here
        config.register(org.glassfish.jersey.media.sse.SseFeature.class);
        config.register(
                new org.glassfish.jersey.internal.inject.AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(new org.glassfish.jersey.servlet.async
                                        .AsyncContextDelegateProviderImpl())
                                .to(
                                        org.glassfish.jersey.servlet.spi
                                                .AsyncContextDelegateProvider.class);
                    }
                });
        config.register(new WebApplicationExceptionMapper());
        config.register(new JsonExceptionMapper());
        config.register(new UnexpectedExceptionMapper());
        config.register(new BodyLimitFilter());
        config.register(new HardeningFilter());
        if (!authorized) {
            config.register(FailClosedFilter.class);
        }
        config.registerInstances(openApi);
        contributed.forEach(config::registerInstances);
        return config;
    }
}
