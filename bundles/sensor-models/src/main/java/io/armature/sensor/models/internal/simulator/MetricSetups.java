package io.armature.sensor.models.internal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.sensor.models.internal.ArmaModel;
import io.armature.sensor.models.internal.Perturbation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one entry of a sensor's {@code data}: offset, resolution and disturbances. */
final class MetricSetups {
    /** Each disturbance type and its parameters, as the seed names them. */
    static final Map<String, List<String>> PARAMETERS =
            Map.of(
                    "white_noise", List.of("mean", "std"),
                    "random_spike", List.of("probability", "low", "high"),
                    "drift", List.of("rate", "start"));

    private MetricSetups() {}

    static SensorSpec.MetricSetup parse(JsonNode entry, String where, List<String> errors) {
        if (entry == null || !entry.isObject()) {
            errors.add(where.substring(0, where.length() - 1) + ": must be a JSON object");
            return SensorSpec.MetricSetup.NONE;
        }
        double offset = number(entry, "offset", 0, where, errors);
        double resolution = number(entry, "resolution", 0.01, where, errors);
        if (!(resolution >= 0)) {
            errors.add(where + "resolution: must be >= 0 (0: no rounding)");
        }
        List<Perturbation> perturbations = new ArrayList<>();
        JsonNode list = entry.get("disturbances");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                errors.add(where + "disturbances: must be an array");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    Perturbation p =
                            disturbance(list.get(i), where + "disturbances[" + i + "].", errors);
                    if (p != null) {
                        perturbations.add(p);
                    }
                }
            }
        }
        return new SensorSpec.MetricSetup(
                model(entry.get("model"), where + "model", errors),
                offset,
                resolution,
                List.copyOf(perturbations));
    }

    /** A metric's own ARMA model: {"mean", "ar": [φ…], "ma": [θ…], "variance"}; checked here. */
    private static ArmaModel model(JsonNode node, String where, List<String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(where + ": must be an object {\"mean\", \"ar\", \"ma\", \"variance\"}");
            return null;
        }
        int before = errors.size();
        double mean = number(node, "mean", Double.NaN, where + ".", errors);
        double variance = number(node, "variance", Double.NaN, where + ".", errors);
        if (Double.isNaN(mean) || Double.isNaN(variance)) {
            errors.add(where + ": mean and variance are required numbers");
        }
        double[] ar = coefficients(node.get("ar"), where + ".ar", errors);
        double[] ma = coefficients(node.get("ma"), where + ".ma", errors);
        if (errors.size() > before) {
            return null;
        }
        ArmaModel model = new ArmaModel(mean, ar, ma, variance);
        model.problems().forEach(problem -> errors.add(where + ": " + problem));
        return model;
    }

    private static double[] coefficients(JsonNode node, String where, List<String> errors) {
        if (node == null || node.isNull()) {
            return new double[0];
        }
        if (!node.isArray() || node.size() > 20) {
            errors.add(where + ": must be an array of at most 20 numbers");
            return new double[0];
        }
        double[] c = new double[node.size()];
        for (int i = 0; i < c.length; i++) {
            if (!node.get(i).isNumber()) {
                errors.add(where + "[" + i + "]: must be a number");
            } else {
                c[i] = node.get(i).asDouble();
            }
        }
        return c;
    }

    private static Perturbation disturbance(JsonNode node, String where, List<String> errors) {
        if (node == null || !node.isObject()) {
            errors.add(where.substring(0, where.length() - 1) + ": must be a JSON object");
            return null;
        }
        JsonNode typeNode = node.get("disturbance_type");
        String type = typeNode == null ? null : typeNode.asText(null);
        List<String> names = type == null ? null : PARAMETERS.get(type);
        if (names == null) {
            errors.add(
                    where
                            + "disturbance_type: must be one of "
                            + new java.util.TreeSet<>(PARAMETERS.keySet()));
            return null;
        }
        JsonNode parameters = node.get("parameters");
        if (parameters == null || !parameters.isObject()) {
            errors.add(where + "parameters: required, an object with " + names);
            return null;
        }
        int before = errors.size();
        double[] v = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            JsonNode value = parameters.get(names.get(i));
            if (value == null || !value.isNumber()) {
                errors.add(where + "parameters." + names.get(i) + ": required, a number");
            } else {
                v[i] = value.asDouble();
            }
        }
        parameters
                .fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!names.contains(name)) {
                                errors.add(
                                        where
                                                + "parameters."
                                                + name
                                                + ": unknown for "
                                                + type
                                                + "; known: "
                                                + names);
                            }
                        });
        if (errors.size() > before) {
            return null;
        }
        Perturbation p =
                switch (type) {
                    case "white_noise" -> new Perturbation.WhiteNoise(v[0], v[1]);
                    case "random_spike" -> new Perturbation.RandomSpike(v[0], v[1], v[2]);
                    default -> new Perturbation.Drift(v[1], v[0]);
                };
        p.problems().forEach(problem -> errors.add(where + "parameters: " + problem));
        return p;
    }

    private static double number(
            JsonNode entry, String field, double fallback, String where, List<String> errors) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            errors.add(where + field + ": must be a finite number");
            return fallback;
        }
        return node.asDouble();
    }
}
