package io.armature.driver.opcua.internal;

import io.armature.api.sample.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of the {@code nodes} attribute: which node becomes which metric of which device.
 *
 * @param target the node id or browse path
 * @param tenant tenant of the device
 * @param device device id
 * @param metric metric id
 * @param unit unit, null when not given
 * @param samplingMillis the sampling interval asked of the server; null = the driver's default
 * @param deadband the data change deadband, null for none
 */
record NodeMapping(
        NodeTarget target,
        String tenant,
        String device,
        String metric,
        String unit,
        Double samplingMillis,
        Deadband deadband) {
    private static final Set<String> OPTIONS = Set.of("unit", "sampling", "deadband", "tenant");

    /** An absolute deadband or a percent of the node's EURange. */
    record Deadband(double value, boolean percent) {
        @Override
        public String toString() {
            return percent ? value + "%" : String.valueOf(value);
        }
    }

    /** {@code tenant/device/metric}: the series key, unique within one driver. */
    String series() {
        return tenant + "/" + device + "/" + metric;
    }

    static NodeMapping parse(String line, String defaultTenant) {
        ConfigLines parts = ConfigLines.split("nodes", line, 3, OPTIONS);
        NodeTarget target = parse(line, () -> NodeTarget.parse(parts.words().get(0)));
        String tenant = parts.options().getOrDefault("tenant", defaultTenant);
        String device = parts.words().get(1);
        String metric = parts.words().get(2);
        identifier(line, "tenant", tenant);
        identifier(line, "device", device);
        identifier(line, "metric", metric);
        Double sampling = null;
        if (parts.options().containsKey("sampling")) {
            sampling = number(line, "sampling", parts.options().get("sampling"));
            if (sampling < -1) {
                throw new IllegalArgumentException(
                        "nodes line '" + line + "': sampling must be ≥ -1 (ms), was " + sampling);
            }
        }
        Deadband deadband = null;
        String band = parts.options().get("deadband");
        if (band != null) {
            boolean percent = band.endsWith("%");
            double value =
                    number(line, "deadband", percent ? band.substring(0, band.length() - 1) : band);
            if (value < 0 || (percent && value > 100)) {
                throw new IllegalArgumentException(
                        "nodes line '"
                                + line
                                + "': deadband must be ≥ 0"
                                + (percent ? " and ≤ 100%" : "")
                                + ", was "
                                + band);
            }
            deadband = value == 0 ? null : new Deadband(value, percent);
        }
        return new NodeMapping(
                target, tenant, device, metric, parts.options().get("unit"), sampling, deadband);
    }

    static List<NodeMapping> parseAll(String[] lines, String defaultTenant) {
        List<NodeMapping> mappings = new ArrayList<>();
        Set<String> series = new HashSet<>();
        for (String line : lines == null ? new String[0] : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            NodeMapping mapping = parse(line.strip(), defaultTenant);
            if (!series.add(mapping.series())) {
                throw new IllegalArgumentException(
                        "nodes: two lines map to "
                                + mapping.series()
                                + "; each metric of a device comes from one node");
            }
            mappings.add(mapping);
        }
        return List.copyOf(mappings);
    }

    static void identifier(String line, String what, String value) {
        if (!Identifiers.isValid(value)) {
            throw new IllegalArgumentException(
                    "line '"
                            + line
                            + "': "
                            + what
                            + " '"
                            + value
                            + "' does not match "
                            + Identifiers.PATTERN);
        }
    }

    private static double number(String line, String option, String text) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "nodes line '" + line + "': " + option + " '" + text + "' is not a number");
        }
    }

    private static NodeTarget parse(String line, java.util.function.Supplier<NodeTarget> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nodes line '" + line + "': " + e.getMessage(), e);
        }
    }
}
