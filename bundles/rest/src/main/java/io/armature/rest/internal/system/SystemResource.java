package io.armature.rest.internal.system;

import io.armature.api.feature.FeatureInfo;
import io.armature.api.feature.FeatureManager;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/system}: version, active profile, uptime, enabled features. */
@Component(name = "io.armature.rest.system", service = SystemResource.class)
@RestResource
@Path("/api/v1/system")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public final class SystemResource {
    /**
     * The answer.
     *
     * @param name product name
     * @param version runtime version
     * @param profile active profile
     * @param startedAt JVM start, UTC
     * @param uptimeSeconds seconds since JVM start
     * @param enabledFeatures ids of enabled features
     * @param javaVersion JVM version
     */
    public record SystemInfo(
            String name,
            String version,
            String profile,
            Instant startedAt,
            long uptimeSeconds,
            List<String> enabledFeatures,
            String javaVersion) {}

    private final FeatureManager features;
    private final String version;

    @Activate
    public SystemResource(BundleContext context, @Reference FeatureManager features) {
        this.features = features;
        String property = context.getProperty(io.armature.boot.ArmatureProperties.VERSION);
        this.version = property != null ? property : context.getBundle().getVersion().toString();
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public SystemInfo get() {
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return new SystemInfo(
                "Armature",
                version,
                features.activeProfile(),
                started,
                Duration.ofMillis(uptimeMillis).toSeconds(),
                features.features().stream()
                        .filter(FeatureInfo::enabled)
                        .map(FeatureInfo::id)
                        .toList(),
                Runtime.version().toString());
    }
}
