package io.armature.rest.internal.drivers;

import io.armature.api.driver.DriverBrowser;
import io.armature.api.driver.DriverInfo;
import io.armature.api.driver.DriverMonitor;
import io.armature.api.driver.DriverState;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.driver.ServerCertificateTrust;
import io.armature.rest.internal.system.ConfigurationSecrets;
import io.armature.rest.internal.types.PluginTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/**
 * Driver instances as the REST API shows them: the configurations of every driver type joined with
 * what DS made of them and what the supervisor reports.
 */
final class DriverInstances {
    /** An instance: its REST id, its type and its configuration (null for an unconfigured one). */
    record Instance(String id, String pid, PluginTypes.Type type, Configuration configuration) {}

    private final PluginTypes types;
    private final ConfigurationAdmin configAdmin;
    private final DriverMonitor monitor;

    DriverInstances(PluginTypes types, ConfigurationAdmin configAdmin, DriverMonitor monitor) {
        this.types = types;
        this.configAdmin = configAdmin;
        this.monitor = monitor;
    }

    List<Instance> all() throws IOException, InvalidSyntaxException {
        List<Instance> result = new ArrayList<>();
        for (PluginTypes.Type type : types.all().values()) {
            if (PluginTypes.isFactory(type)) {
                Configuration[] found =
                        configAdmin.listConfigurations(
                                "("
                                        + ConfigurationAdmin.SERVICE_FACTORYPID
                                        + "="
                                        + escape(type.factoryPid())
                                        + ")");
                for (Configuration c : found == null ? new Configuration[0] : found) {
                    result.add(new Instance(idOf(c.getPid()), c.getPid(), type, c));
                }
            } else {
                for (ComponentConfigurationDTO dto : types.configurations(type)) {
                    String pid = PluginTypes.pidOf(dto);
                    result.add(new Instance(pid, pid, type, existing(pid).orElse(null)));
                }
            }
        }
        result.sort(java.util.Comparator.comparing(Instance::id));
        return result;
    }

    Optional<Instance> find(String id) throws IOException, InvalidSyntaxException {
        return all().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The JSON view of an instance. */
    Map<String, Object> view(Instance instance) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", instance.id());
        view.put("type", instance.type().type());
        view.put("pid", instance.pid());
        view.put(
                "config",
                ConfigurationSecrets.masked(
                        instance.configuration() == null
                                ? null
                                : instance.configuration().getProperties(),
                        instance.type().schema() == null ? null : instance.type().schema().ocd()));
        Optional<DriverInfo> supervised = monitor.driver(instance.pid());
        if (supervised.isPresent()) {
            DriverInfo info = supervised.get();
            put(view, info.state(), info.lastError());
            view.put("restarts", info.restarts());
            view.put("next_retry_at", info.nextRetryAt());
            view.put("running_since", info.runningSince());
            view.put("samples_in", info.samplesIn());
            view.put("samples_rejected", info.samplesRejected());
            view.put("devices", info.devices());
            view.put("abandoned_threads", info.abandonedThreads());
        } else {
            ComponentConfigurationDTO dto = component(instance).orElse(null);
            if (dto != null && dto.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                put(view, DriverState.FAILED, PluginTypes.firstLine(dto.failure));
            } else {
                put(view, DriverState.STOPPED, whyStopped(instance, dto));
            }
            view.put("restarts", 0);
            view.put("next_retry_at", null);
            view.put("running_since", null);
            view.put("samples_in", 0);
            view.put("samples_rejected", Map.of());
            view.put("devices", List.of());
            view.put("abandoned_threads", 0);
        }
        ProtocolDriver driver = monitor.instance(instance.pid()).orElse(null);
        view.put("capabilities", capabilities(driver));
        view.put("details", details(driver));
        return view;
    }

    /**
     * The optional REST capabilities of the driver object: {@code browse} ({@code .../browse}) and
     * {@code certificates} ({@code .../certificates} with the trust step).
     */
    private static List<String> capabilities(ProtocolDriver driver) {
        List<String> names = new ArrayList<>();
        if (driver instanceof DriverBrowser) {
            names.add("browse");
        }
        if (driver instanceof ServerCertificateTrust) {
            names.add("certificates");
        }
        return names;
    }

    /** What the driver itself reports ({@link ProtocolDriver#details}). */
    private static Map<String, Object> details(ProtocolDriver driver) {
        if (driver == null) {
            return Map.of();
        }
        try {
            return driver.details();
        } catch (RuntimeException e) {
            return Map.of("error", "details unavailable: " + e.getMessage());
        }
    }

    private static void put(Map<String, Object> view, DriverState state, String lastError) {
        view.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        view.put("last_error", lastError);
    }

    private Optional<ComponentConfigurationDTO> component(Instance instance) {
        return types.configurations(instance.type()).stream()
                .filter(dto -> instance.pid().equals(PluginTypes.pidOf(dto)))
                .findFirst();
    }

    private String whyStopped(Instance instance, ComponentConfigurationDTO dto) {
        if (types.bundle(instance.type()) == null) {
            return "the bundle of driver type " + instance.type().type() + " is not installed";
        }
        if (dto == null) {
            return "not activated yet";
        }
        if (dto.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
            List<String> missing = new ArrayList<>();
            for (var reference : dto.unsatisfiedReferences) {
                missing.add(reference.name);
            }
            return "waiting for services: " + String.join(", ", missing);
        }
        return null;
    }

    private Optional<Configuration> existing(String pid)
            throws IOException, InvalidSyntaxException {
        Configuration[] found =
                configAdmin.listConfigurations(
                        "(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        return found == null || found.length == 0 ? Optional.empty() : Optional.of(found[0]);
    }

    /** The REST id of a factory configuration: its name ({@code factoryPid~name}), else its PID. */
    static String idOf(String pid) {
        int tilde = pid.indexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace("(", "\\(")
                .replace(")", "\\)")
                .replace("*", "\\*");
    }
}
