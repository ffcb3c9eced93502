package io.armature.api.driver;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A command to a device (actuation), for example {@code set_point} with {@code {"value": 21.5}}.
 *
 * @param id unique id of the command, assigned by the core; devices echo it in their answer
 * @param tenant tenant id
 * @param device device id
 * @param name command name, defined by the driver or device
 * @param arguments named arguments as JSON values (String, Number, Boolean, null, List, Map);
 *     copied on construction, never null
 * @param deadline when the core gives up waiting for a final answer ({@code timed_out})
 */
public record DeviceCommand(
        String id,
        String tenant,
        String device,
        String name,
        Map<String, Object> arguments,
        Instant deadline) {
    public DeviceCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deadline, "deadline");
        arguments =
                arguments == null
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(
                                new java.util.LinkedHashMap<>(arguments));
    }
}
