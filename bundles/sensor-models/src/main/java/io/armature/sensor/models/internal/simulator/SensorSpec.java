package io.armature.sensor.models.internal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.sample.Identifiers;
import io.armature.api.sensor.SensorType;
import io.armature.sensor.models.internal.ArmaModel;
import io.armature.sensor.models.internal.Perturbation;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One simulated sensor in the seed's device-management shape: {@code {"sensor_identifier",
 * "sensor_type", "sampling_interval" (seconds, >= 0.01), "data": [{"model": {"mean", "ar", "ma",
 * "variance"}, "offset", "resolution", "disturbances": [{"disturbance_type", "parameters"}]}],
 * "backfill": {"from", "to"}, "seed"}}. {@code data} has at most one entry per metric of the type,
 * in the type's order.
 *
 * @param json the body as given (kept in the driver's configuration)
 */
public record SensorSpec(
        String identifier,
        String type,
        Duration samplingInterval,
        List<MetricSetup> data,
        Instant backfillFrom,
        Instant backfillTo,
        Long seed,
        String json) {
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    static final long MAX_BACKFILL_SAMPLES = 50_000_000;
    private static final Set<String> FIELDS =
            Set.of(
                    "sensor_identifier",
                    "sensor_type",
                    "sampling_interval",
                    "data",
                    "backfill",
                    "seed");

    /**
     * One metric's own ARMA model (null: the type's simulation), what is added to its value, and
     * its output resolution.
     */
    public record MetricSetup(
            ArmaModel model, double offset, double resolution, List<Perturbation> perturbations) {
        static final MetricSetup NONE = new MetricSetup(null, 0, 0.01, List.of());
    }

    /** This sensor's own seed, else one derived from its instance's seed and its position. */
    public long seedOr(long instanceSeed, int index) {
        return seed != null ? seed : instanceSeed * 1_000_003L + index;
    }

    /** The setup of the metric at {@code index} of the type (none given: no perturbation). */
    public MetricSetup setup(int index) {
        return index < data.size() ? data.get(index) : MetricSetup.NONE;
    }

    /**
     * Reads a sensor body; every problem is added to {@code errors} as {@code field: message}
     * (prefixed with {@code where}), and null is returned when there was any.
     */
    public static SensorSpec parse(
            JsonNode body, Function<String, SensorType> types, String where, List<String> errors) {
        int before = errors.size();
        if (body == null || !body.isObject()) {
            errors.add(where + "must be a JSON object");
            return null;
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(
                        where
                                + name
                                + ": unknown field; known: "
                                + new java.util.TreeSet<>(FIELDS));
            }
        }
        String id = text(body, "sensor_identifier", where, errors);
        if (id != null && !Identifiers.isValid(id)) {
            errors.add(
                    where
                            + "sensor_identifier: '"
                            + id
                            + "' does not match "
                            + Identifiers.PATTERN);
        }
        String typeId = text(body, "sensor_type", where, errors);
        SensorType type = typeId == null ? null : types.apply(typeId);
        if (typeId != null && type == null) {
            errors.add(
                    where
                            + "sensor_type: no sensor type '"
                            + typeId
                            + "' (GET /api/v1/sensor-types)");
        }
        Duration interval = null;
        JsonNode seconds = body.get("sampling_interval");
        if (seconds == null || !seconds.isNumber()) {
            errors.add(where + "sampling_interval: required, a number of seconds");
        } else {
            double s = seconds.asDouble();
            if (!(s >= 0.01) || s > 86_400) {
                errors.add(
                        where
                                + "sampling_interval: must be within [0.01, 86400] seconds, not "
                                + s);
            } else {
                interval = Duration.ofNanos(Math.round(s * 1e9));
            }
        }
        List<MetricSetup> data = new ArrayList<>();
        JsonNode dataNode = body.get("data");
        if (dataNode != null && !dataNode.isNull()) {
            if (!dataNode.isArray()) {
                errors.add(where + "data: must be an array, one entry per metric of the type");
            } else {
                if (type != null && dataNode.size() > type.metrics().size()) {
                    errors.add(
                            where
                                    + "data: sensor type '"
                                    + typeId
                                    + "' has "
                                    + type.metrics().size()
                                    + " metric(s), not "
                                    + dataNode.size());
                }
                for (int i = 0; i < dataNode.size(); i++) {
                    data.add(
                            MetricSetups.parse(
                                    dataNode.get(i), where + "data[" + i + "].", errors));
                }
            }
        }
        Instant from = null;
        Instant to = null;
        JsonNode backfill = body.get("backfill");
        if (backfill != null && !backfill.isNull()) {
            from = time(backfill, "from", where + "backfill.", errors);
            to = time(backfill, "to", where + "backfill.", errors);
            if (from != null && to != null) {
                if (!from.isBefore(to)) {
                    errors.add(where + "backfill: from must be before to");
                } else if (to.isAfter(Instant.now().plusSeconds(1))) {
                    errors.add(
                            where + "backfill.to: must not lie in the future (live data follows)");
                } else if (interval != null
                        && Duration.between(from, to).dividedBy(interval) > MAX_BACKFILL_SAMPLES) {
                    errors.add(
                            where
                                    + "backfill: more than "
                                    + MAX_BACKFILL_SAMPLES
                                    + " samples per metric; shorten the range or lengthen the interval");
                }
            }
        }
        Long seed = null;
        JsonNode seedNode = body.get("seed");
        if (seedNode != null && !seedNode.isNull()) {
            if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
                errors.add(where + "seed: must be an integer");
            } else {
                seed = seedNode.asLong();
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new SensorSpec(
                id, typeId, interval, List.copyOf(data), from, to, seed, body.toString());
    }

    private static String text(JsonNode body, String field, String where, List<String> errors) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            errors.add(where + field + ": required, a string");
            return null;
        }
        return node.asText();
    }

    private static Instant time(JsonNode node, String field, String where, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            errors.add(where + field + ": required, an ISO-8601 time");
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            errors.add(where + field + ": '" + value.asText() + "' is not an ISO-8601 UTC time");
            return null;
        }
    }
}
