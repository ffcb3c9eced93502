package io.armature.rest.internal.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.device.UnknownDevicePolicy;
import io.armature.rest.internal.problem.Problem.FieldError;
import io.armature.rest.internal.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a JSON request object, collecting one error per bad field, so a 400 lists
 * everything that is wrong at once. Unknown fields are errors too (a typo must not be ignored).
 */
final class Bodies {
    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private Bodies(JsonNode body) {
        this.body = body;
    }

    /** The body as an object, or a 400 naming what it is instead. */
    static Bodies of(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(
                    400,
                    "body must be a JSON object, was "
                            + (body == null
                                    ? "empty"
                                    : body.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        Bodies bodies = new Bodies(body);
        body.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!allowed.contains(name)) {
                                bodies.errors.add(
                                        new FieldError(
                                                name,
                                                "unknown field; allowed: "
                                                        + String.join(", ", allowed)));
                            }
                        });
        return bodies;
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** A string field; null when absent or JSON null. */
    String text(String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string, was " + node.getNodeType()));
            return null;
        }
        return node.asText();
    }

    String identifier(String field, boolean required) {
        String value = text(field, required);
        if (value != null && !io.armature.api.sample.Identifiers.isValid(value)) {
            errors.add(
                    new FieldError(
                            field,
                            "'"
                                    + value
                                    + "' does not match "
                                    + io.armature.api.sample.Identifiers.PATTERN));
            return null;
        }
        return value;
    }

    UnknownDevicePolicy policy(String field, UnknownDevicePolicy fallback) {
        String value = text(field, false);
        if (value == null) {
            return fallback;
        }
        try {
            return UnknownDevicePolicy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(
                    new FieldError(field, "'" + value + "' is not one of auto_register, reject"));
            return fallback;
        }
    }

    /** A retention such as {@code 30d}, {@code 12h} or ISO-8601 {@code P30D}; null = forever. */
    Duration retention(String field) {
        String value = text(field, false);
        if (value == null) {
            return null;
        }
        try {
            Duration retention = QueryParameters.bucket(value);
            if (retention.compareTo(Duration.ofHours(1)) < 0) {
                errors.add(new FieldError(field, "must be at least 1h, was " + value));
            }
            return retention;
        } catch (ProblemException e) {
            errors.add(
                    new FieldError(
                            field, "'" + value + "' is not a duration such as 30d, 12h or P30D"));
            return null;
        }
    }

    /** A flat object of string values. */
    Map<String, String> tags(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            errors.add(new FieldError(field, "must be an object of string values"));
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        node.fields()
                .forEachRemaining(
                        e -> {
                            if (e.getValue().isTextual()) {
                                tags.put(e.getKey(), e.getValue().asText());
                            } else {
                                errors.add(
                                        new FieldError(
                                                field + "." + e.getKey(), "must be a string"));
                            }
                        });
        return tags;
    }

    /** Throws a 400 listing every bad field, if any. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid request body", errors);
        }
    }
}
