package io.armature.core.internal.health;

import io.armature.api.driver.DriverInfo;
import io.armature.api.driver.DriverMonitor;
import io.armature.api.driver.DriverState;
import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * DEGRADED while a driver is in backoff after a failure, or runs with a problem it reported, naming
 * each with its message; read from the driver supervisor.
 */
@Component(name = "io.armature.core.health.drivers")
public final class DriversHealthCheck implements HealthCheck {
    private final DriverMonitor monitor;

    @Activate
    public DriversHealthCheck(@Reference DriverMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "drivers";
    }

    @Override
    public HealthResult check() {
        List<DriverInfo> drivers = monitor.drivers();
        List<String> troubled = new ArrayList<>();
        for (DriverInfo driver : drivers) {
            boolean failing =
                    driver.state() == DriverState.BACKOFF || driver.state() == DriverState.FAILED;
            boolean problem = driver.state() == DriverState.RUNNING && driver.lastError() != null;
            if (failing || problem) {
                troubled.add(driver.id() + " " + driver.state() + ": " + driver.lastError());
            }
        }
        Map<String, Object> data = Map.of("drivers", drivers.size(), "troubled", troubled);
        if (troubled.isEmpty()) {
            return new HealthResult(HealthStatus.UP, drivers.size() + " driver(s) running", data);
        }
        return new HealthResult(HealthStatus.DEGRADED, String.join("; ", troubled), data);
    }
}
