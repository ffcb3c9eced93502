package io.armature.itest.probe.internal;

import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import org.osgi.service.component.annotations.Component;

/** A health check contributed by a hot-deployed bundle. */
@Component
public final class ProbeHealthCheck implements HealthCheck {
    @Override
    public String name() {
        return "probe";
    }

    @Override
    public HealthResult check() {
        return HealthResult.up("probe deployed");
    }
}
