package io.armature.core.internal.health;

import io.armature.api.driver.DriverStatus;
import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import io.armature.api.plugin.PluginInfo;
import io.armature.api.plugin.PluginKind;
import io.armature.api.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * DEGRADED while a driver is FAILED or reports DEGRADED, naming each with its message; read from
 * the plugin registry, which reports every driver's state.
 */
@Component(name = "io.armature.core.health.drivers")
public final class DriversHealthCheck implements HealthCheck {
    private final PluginRegistry registry;

    @Activate
    public DriversHealthCheck(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "drivers";
    }

    @Override
    public HealthResult check() {
        List<PluginInfo> drivers =
                registry.plugins().stream().filter(p -> p.kind() == PluginKind.DRIVER).toList();
        List<String> troubled = new ArrayList<>();
        for (PluginInfo driver : drivers) {
            if (driver.state().equals(DriverStatus.FAILED.name())
                    || driver.state().equals(DriverStatus.DEGRADED.name())) {
                troubled.add(driver.name() + " " + driver.state() + ": " + driver.stateMessage());
            }
        }
        Map<String, Object> data = Map.of("drivers", drivers.size(), "troubled", troubled);
        if (troubled.isEmpty()) {
            return new HealthResult(HealthStatus.UP, drivers.size() + " driver(s) running", data);
        }
        return new HealthResult(HealthStatus.DEGRADED, String.join("; ", troubled), data);
    }
}
