package io.armature.api.driver;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The driver supervisor's view of every driver instance it runs. Provided by the core as an OSGi
 * service; thread-safe.
 */
@ProviderType
public interface DriverMonitor {
    /** Every supervised driver (those whose service is registered), ordered by id. */
    List<DriverInfo> drivers();

    /** One supervised driver, by {@link DriverContext#driverId()}. */
    Optional<DriverInfo> driver(String id);

    /**
     * Stops the driver (when running) and starts it again now, with the backoff reset. Returns
     * before the restart is done; {@link #driver} shows its progress.
     *
     * @return false when no such driver is supervised
     */
    boolean restart(String id);

    /**
     * The driver object the supervisor holds for an id (its registered service), whatever its
     * state: running, in backoff after a failed start, or starting. REST uses it for the optional
     * capabilities a driver implements ({@link DriverBrowser}, {@link ServerCertificateTrust}) and
     * for {@link ProtocolDriver#details()}.
     *
     * @return empty when no such driver is supervised
     */
    Optional<ProtocolDriver> instance(String id);
}
