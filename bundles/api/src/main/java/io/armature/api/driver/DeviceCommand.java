package io.armature.api.driver;

import java.util.Map;
import java.util.Objects;

/**
 * A command to a device (actuation), for example {@code set_point} with {@code value=21.5}.
 *
 * @param tenant tenant id
 * @param device device id
 * @param name command name, defined by the driver
 * @param arguments named arguments, as strings; copied on construction
 */
public record DeviceCommand(
        String tenant, String device, String name, Map<String, String> arguments) {
    public DeviceCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }
}
