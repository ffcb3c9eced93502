package io.armature.core.internal.health;

import io.armature.api.driver.DriverStatus;
import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import io.armature.core.internal.driver.DriverStatusBoard;
import io.armature.core.internal.driver.DriverSupervisor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** DEGRADED while a driver is FAILED or reports DEGRADED, naming each with its message. */
@Component
public final class DriversHealthCheck implements HealthCheck {
    private final DriverSupervisor supervisor;

    @Activate
    public DriversHealthCheck(@Reference DriverSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public String name() {
        return "drivers";
    }

    @Override
    public HealthResult check() {
        Map<Long, DriverStatusBoard.Entry> statuses = supervisor.statuses();
        List<String> troubled = new ArrayList<>();
        statuses.forEach(
                (serviceId, entry) -> {
                    if (entry.status() == DriverStatus.FAILED
                            || entry.status() == DriverStatus.DEGRADED) {
                        troubled.add(
                                supervisor.driverId(serviceId).orElse("driver " + serviceId)
                                        + " "
                                        + entry.status()
                                        + ": "
                                        + entry.message());
                    }
                });
        Map<String, Object> data = Map.of("drivers", statuses.size(), "troubled", troubled);
        if (troubled.isEmpty()) {
            return new HealthResult(HealthStatus.UP, statuses.size() + " driver(s) running", data);
        }
        return new HealthResult(HealthStatus.DEGRADED, String.join("; ", troubled), data);
    }
}
