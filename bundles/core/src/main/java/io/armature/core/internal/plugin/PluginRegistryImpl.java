package io.armature.core.internal.plugin;

import io.armature.api.driver.DriverMonitor;
import io.armature.api.driver.DriverState;
import io.armature.api.plugin.PluginInfo;
import io.armature.api.plugin.PluginKind;
import io.armature.api.plugin.PluginRegistry;
import io.armature.api.rest.RestResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Discovers plugins from the service registry on every call (whiteboard): one query per kind, so
 * the answer always matches the services present, including those of bundles deployed a moment ago.
 */
@Component(name = PluginRegistryImpl.PID, service = PluginRegistry.class, immediate = true)
public final class PluginRegistryImpl implements PluginRegistry {
    /** The component name of the plugin registry (it has no configuration of its own). */
    public static final String PID = "io.armature.core.plugins";

    private final BundleContext context;

    /** Each driver's state comes from the supervisor that runs it. */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DriverMonitor drivers;

    @Activate
    public PluginRegistryImpl(BundleContext context) {
        this.context = context;
    }

    /** For tests: the registry with a given supervisor. */
    PluginRegistryImpl(BundleContext context, DriverMonitor drivers) {
        this.context = context;
        this.drivers = drivers;
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> plugins = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            for (ServiceReference<?> ref : references(kind)) {
                Bundle bundle = ref.getBundle();
                if (bundle != null) {
                    plugins.add(describe(kind, ref, bundle));
                }
            }
        }
        plugins.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::name));
        return plugins;
    }

    private ServiceReference<?>[] references(PluginKind kind) {
        try {
            ServiceReference<?>[] refs =
                    kind.serviceInterface() == null
                            ? context.getAllServiceReferences(
                                    null, "(" + RestResource.PROPERTY + "=true)")
                            : context.getAllServiceReferences(kind.serviceInterface(), null);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private PluginInfo describe(PluginKind kind, ServiceReference<?> ref, Bundle bundle) {
        long serviceId = (Long) ref.getProperty(Constants.SERVICE_ID);
        String state = "ACTIVE";
        String message = null;
        if (kind == PluginKind.DRIVER) {
            // a driver service seen before the supervisor was told of it is about to be started
            state = DriverState.STARTING.name();
            DriverMonitor monitor = drivers;
            var info =
                    monitor == null
                            ? java.util.Optional.<io.armature.api.driver.DriverInfo>empty()
                            : monitor.driver(driverId(ref));
            if (info.isPresent()) {
                state = info.get().state().name();
                message = info.get().lastError();
            }
        }
        return new PluginInfo(
                kind,
                serviceId,
                name(ref),
                bundle.getBundleId(),
                bundle.getSymbolicName(),
                state,
                message,
                pids(ref));
    }

    /** The id the supervisor knows a driver service by (see DriverSupervisor#driverId). */
    private static String driverId(ServiceReference<?> ref) {
        Object pid = ref.getProperty(Constants.SERVICE_PID);
        if (pid instanceof String s) {
            return s;
        }
        Object component = ref.getProperty("component.name");
        return component != null
                ? component.toString()
                : "driver-" + ref.getProperty(Constants.SERVICE_ID);
    }

    private static String name(ServiceReference<?> ref) {
        Object pid = ref.getProperty(Constants.SERVICE_PID);
        if (pid instanceof String s) {
            return s;
        }
        Object component = ref.getProperty("component.name");
        if (component != null) {
            return component.toString();
        }
        return ((String[]) ref.getProperty(Constants.OBJECTCLASS))[0];
    }

    private static List<String> pids(ServiceReference<?> ref) {
        Object pid = ref.getProperty(Constants.SERVICE_PID);
        if (pid instanceof String s) {
            return List.of(s);
        }
        if (pid instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (pid instanceof java.util.Collection<?> collection) {
            return collection.stream().map(Object::toString).toList();
        }
        return List.of();
    }
}
