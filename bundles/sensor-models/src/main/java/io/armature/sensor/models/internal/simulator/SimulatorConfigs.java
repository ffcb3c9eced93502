package io.armature.sensor.models.internal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The simulator driver instances in ConfigAdmin, one per device, found by their {@code tenant} and
 * {@code device} properties. New ones are named {@code sim-<tenant>-<device>} (a number appended
 * when that driver id is taken), which is their id in {@code /api/v1/drivers}.
 */
final class SimulatorConfigs {
    /** One device's instance and its sensor bodies. */
    record Instance(Configuration configuration, String driverId, List<JsonNode> sensors) {}

    private final ConfigurationAdmin configAdmin;

    SimulatorConfigs(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    Instance find(String tenant, String device) throws IOException {
        for (Configuration c : list("(service.factoryPid=" + SimulatorDriver.PID + ")")) {
            Dictionary<String, Object> p = c.getProperties();
            if (p != null && tenant.equals(p.get("tenant")) && device.equals(p.get("device"))) {
                List<JsonNode> sensors = new ArrayList<>();
                Object value = p.get("sensors");
                for (String body :
                        value instanceof String[] a
                                ? a
                                : value instanceof String s ? new String[] {s} : new String[0]) {
                    sensors.add(SimulatorDriver.JSON.readTree(body));
                }
                return new Instance(c, name(c.getPid()), sensors);
            }
        }
        return null;
    }

    /** Adds a sensor to the device's instance, creating it; returns the driver id. */
    String add(String tenant, String device, Instance instance, JsonNode sensor)
            throws IOException {
        if (instance == null) {
            String id = freeName("sim-" + tenant + "-" + device);
            Configuration c = configAdmin.getFactoryConfiguration(SimulatorDriver.PID, id, "?");
            Hashtable<String, Object> p = new Hashtable<>();
            p.put("tenant", tenant);
            p.put("device", device);
            p.put("sensors", new String[] {sensor.toString()});
            c.update(p);
            return id;
        }
        List<String> sensors = new ArrayList<>();
        instance.sensors().forEach(s -> sensors.add(s.toString()));
        sensors.add(sensor.toString());
        update(instance.configuration(), sensors);
        return instance.driverId();
    }

    /**
     * Removes a sensor; the instance goes with its last one. False when there was no such sensor.
     */
    boolean remove(Instance instance, String sensor) throws IOException {
        List<String> kept = new ArrayList<>();
        boolean found = false;
        for (JsonNode s : instance.sensors()) {
            if (sensor.equals(s.path("sensor_identifier").asText())) {
                found = true;
            } else {
                kept.add(s.toString());
            }
        }
        if (!found) {
            return false;
        }
        if (kept.isEmpty()) {
            instance.configuration().delete();
        } else {
            update(instance.configuration(), kept);
        }
        return true;
    }

    private static void update(Configuration c, List<String> sensors) throws IOException {
        Dictionary<String, Object> p = c.getProperties();
        Hashtable<String, Object> copy = new Hashtable<>();
        for (var keys = p.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            copy.put(key, p.get(key));
        }
        copy.put("sensors", sensors.toArray(String[]::new));
        c.update(copy);
    }

    private String freeName(String base) throws IOException {
        String candidate = base;
        for (int n = 2; !list("(service.pid=*~" + escape(candidate) + ")").isEmpty(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private List<Configuration> list(String filter) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(String pid) {
        int tilde = pid.indexOf('~');
        return tilde < 0 ? pid : pid.substring(tilde + 1);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace("*", "\\*")
                .replace("(", "\\(")
                .replace(")", "\\)");
    }
}
