package io.armature.core.internal.health;

import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * DOWN while the framework has not reached its beginning start level; DEGRADED when a bundle that
 * should run (not a fragment) is not active, naming it; UP otherwise.
 */
@Component(name = "io.armature.core.health.bundles")
public final class BundlesHealthCheck implements HealthCheck {
    private final BundleContext context;

    @Activate
    public BundlesHealthCheck(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "framework.bundles";
    }

    @Override
    public HealthResult check() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        int active = system.adapt(FrameworkStartLevel.class).getStartLevel();
        String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        int target = beginning == null ? 1 : Integer.parseInt(beginning);
        if (system.getState() != Bundle.ACTIVE || active < target) {
            return HealthResult.down(
                    "framework starting (start level " + active + " of " + target + ")");
        }
        List<String> notActive = new ArrayList<>();
        Bundle[] bundles = context.getBundles();
        for (Bundle bundle : bundles) {
            if (bundle.getState() != Bundle.ACTIVE
                    && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                notActive.add(bundle.getSymbolicName() + " (" + bundle.getBundleId() + ")");
            }
        }
        Map<String, Object> data = Map.of("bundles", bundles.length, "not_active", notActive);
        if (notActive.isEmpty()) {
            return new HealthResult(HealthStatus.UP, bundles.length + " bundles active", data);
        }
        return new HealthResult(
                HealthStatus.DEGRADED,
                notActive.size() + " bundle(s) not active: " + String.join(", ", notActive),
                data);
    }
}
