package io.armature.rest.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the JSON body of {@code POST /api/v1/tenants/{tenant}/samples} into samples. Each item is
 * checked on its own: a wrong item becomes a rejection with its index and reason, and the valid
 * items around it are kept. Only a body that is not a JSON array is refused as a whole.
 */
final class SampleParser {
    private static final Set<String> FIELDS = Set.of("device", "metric", "time", "value", "unit");

    /** Parsed samples with the index of each in the request, and the items refused here. */
    record Parsed(
            List<Sample> samples,
            List<Integer> indexes,
            List<Rejection> rejections,
            Map<List<String>, String> units) {}

    private SampleParser() {}

    static Parsed parse(String tenant, JsonNode body) {
        List<Sample> samples = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<List<String>, String> units = new LinkedHashMap<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            String problem = check(item);
            if (problem != null) {
                rejections.add(
                        new Rejection(
                                i,
                                problem.substring(0, problem.indexOf(':')),
                                problem.substring(problem.indexOf(':') + 2)));
                continue;
            }
            samples.add(
                    new Sample(
                            tenant,
                            item.get("device").asText(),
                            item.get("metric").asText(),
                            Instant.parse(item.get("time").asText()),
                            value(item.get("value"))));
            indexes.add(i);
            if (item.hasNonNull("unit")) {
                units.put(
                        List.of(item.get("device").asText(), item.get("metric").asText()),
                        item.get("unit").asText());
            }
        }
        return new Parsed(samples, indexes, rejections, units);
    }

    /** "reason: message" for an unusable item, null for a well-formed one. */
    private static String check(JsonNode item) {
        if (!item.isObject()) {
            return "invalid_item: expected an object with device, metric, time and value";
        }
        for (var names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return "unknown_field: field '"
                        + name
                        + "' is not one of "
                        + new java.util.TreeSet<>(FIELDS);
            }
        }
        for (String field : List.of("device", "metric", "time")) {
            if (!item.path(field).isTextual()) {
                return "missing_" + field + ": '" + field + "' must be a string";
            }
        }
        try {
            Instant.parse(item.get("time").asText());
        } catch (DateTimeParseException e) {
            return "invalid_time: '"
                    + item.get("time").asText()
                    + "' is not an ISO-8601 UTC time such as 2026-11-22T10:15:30Z";
        }
        JsonNode unit = item.get("unit");
        if (unit != null && !unit.isNull() && !(unit.isTextual() && unit.asText().length() <= 32)) {
            return "invalid_unit: 'unit' must be a string of at most 32 characters, got " + unit;
        }
        JsonNode value = item.get("value");
        if (value == null
                || !(value.isNumber() || value.isTextual() && isNonFinite(value.asText()))) {
            return "invalid_value: 'value' must be a number, got "
                    + (value == null ? "nothing" : value.toString());
        }
        return null;
    }

    private static boolean isNonFinite(String text) {
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }

    private static double value(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText());
    }

    /**
     * The samples of devices the caller may send for; the others become {@code not_permitted}
     * rejections (a device-scoped token sending for another device).
     */
    static Parsed onlyPermitted(Parsed parsed, java.util.function.Predicate<String> device) {
        List<Sample> samples = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>(parsed.rejections());
        for (int i = 0; i < parsed.samples().size(); i++) {
            Sample sample = parsed.samples().get(i);
            if (device.test(sample.device())) {
                samples.add(sample);
                indexes.add(parsed.indexes().get(i));
            } else {
                rejections.add(
                        new Rejection(
                                parsed.indexes().get(i),
                                "not_permitted",
                                "this token may not send samples for device '"
                                        + sample.device()
                                        + "'"));
            }
        }
        Map<List<String>, String> units = new LinkedHashMap<>();
        parsed.units()
                .forEach(
                        (series, unit) -> {
                            if (device.test(series.get(0))) {
                                units.put(series, unit);
                            }
                        });
        return new Parsed(samples, indexes, rejections, units);
    }
}
