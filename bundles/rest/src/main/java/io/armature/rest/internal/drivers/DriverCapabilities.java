package io.armature.rest.internal.drivers;

import io.armature.api.driver.DriverMonitor;
import io.armature.api.driver.DriverType;
import io.armature.api.driver.ProtocolDriver;
import io.armature.rest.internal.problem.ProblemException;
import io.armature.rest.internal.types.PluginTypes;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import org.osgi.framework.InvalidSyntaxException;

/** Finds the driver object behind a REST driver id and one of its optional capabilities. */
final class DriverCapabilities {
    private final DriverInstances instances;
    private final DriverMonitor monitor;

    DriverCapabilities(DriverInstances instances, DriverMonitor monitor) {
        this.instances = instances;
        this.monitor = monitor;
    }

    /** The lookup a capability resource builds from its references. */
    static DriverCapabilities of(
            org.osgi.framework.BundleContext context,
            org.osgi.service.cm.ConfigurationAdmin configAdmin,
            org.osgi.service.metatype.MetaTypeService metatype,
            org.osgi.service.component.runtime.ServiceComponentRuntime scr,
            DriverMonitor monitor) {
        return new DriverCapabilities(
                new DriverInstances(
                        new PluginTypes(
                                scr, metatype, context, ProtocolDriver.class, DriverType.PROPERTY),
                        configAdmin,
                        monitor),
                monitor);
    }

    DriverInstances.Instance instance(String id) throws IOException, InvalidSyntaxException {
        return instances
                .find(id)
                .orElseThrow(() -> new NotFoundException("no driver with id '" + id + "'"));
    }

    /**
     * The capability of driver {@code id}: 404 without such a driver, 409 when it is not supervised
     * now (stopped, failed to activate), 400 when its type lacks the capability.
     */
    <T> T require(String id, Class<T> capability, String what)
            throws IOException, InvalidSyntaxException {
        return require(instance(id), capability, what);
    }

    /** {@link #require(String, Class, String)} for an instance already looked up. */
    <T> T require(DriverInstances.Instance instance, Class<T> capability, String what) {
        String id = instance.id();
        ProtocolDriver driver =
                monitor.instance(instance.pid())
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                409,
                                                "driver '"
                                                        + id
                                                        + "' is "
                                                        + instances.view(instance).get("state")
                                                        + "; only a driver the supervisor runs"
                                                        + " can answer"));
        if (!capability.isInstance(driver)) {
            throw new ProblemException(
                    400, "driver type '" + instance.type().type() + "' does not support " + what);
        }
        return capability.cast(driver);
    }
}
