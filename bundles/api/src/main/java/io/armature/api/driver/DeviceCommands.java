package io.armature.api.driver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Routes commands to the driver that owns a device, and remembers what became of them. Provided by
 * the core as an OSGi service; thread-safe.
 *
 * <p>The owner is the device's explicit assignment (its tag {@value #DRIVER_TAG} naming a driver
 * id) when it has one, else the driver that last delivered its data or claimed it ({@link
 * DriverContext#owns}). The last {@value #HISTORY} commands per device are kept in memory on this
 * runtime (not across restarts).
 */
@ProviderType
public interface DeviceCommands {
    /** Device tag that assigns a device's commands to a driver id explicitly. */
    String DRIVER_TAG = "driver";

    /** Commands kept per device. */
    int HISTORY = 100;

    /**
     * Routes a new command; returns once the driver took it or refused it (state {@code pending},
     * {@code delivered}, {@code refused}...).
     *
     * @throws CommandNotRoutableException when no running driver that accepts commands owns the
     *     device; the message says why
     */
    CommandRecord submit(
            String tenant,
            String device,
            String name,
            Map<String, Object> arguments,
            Duration timeout)
            throws CommandNotRoutableException;

    /** Commands of a device, newest first. */
    List<CommandRecord> commands(String tenant, String device);

    /** One command of a device. */
    Optional<CommandRecord> command(String tenant, String device, String id);
}
