package io.armature.rest.internal.data;

import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.rest.internal.problem.ProblemException;

/** Path identifiers (tenant, device, metric), by the API's one rule. */
final class PathIdentifiers {
    private PathIdentifiers() {}

    static void require(String what, String id) {
        if (!io.armature.api.sample.Identifiers.isValid(id)) {
            throw new ProblemException(
                    400,
                    what
                            + " '"
                            + id
                            + "' does not match "
                            + io.armature.api.sample.Identifiers.PATTERN);
        }
    }

    /** Checks the tenant and device identifiers, then answers the device or a 404. */
    static Device requireDevice(DeviceRegistry registry, String tenant, String device) {
        require("tenant", tenant);
        require("device", device);
        return registry.device(tenant, device)
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        404,
                                        "no device '" + device + "' in tenant '" + tenant + "'"));
    }
}
