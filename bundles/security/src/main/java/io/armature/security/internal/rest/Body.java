package io.armature.security.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A JSON request body read field by field; every problem is collected, then answered at once. */
final class Body {
    private final JsonNode node;
    private final String path;
    final List<String> errors = new ArrayList<>();

    private Body(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The body as an object whose fields are all in {@code allowed}. */
    static Body of(JsonNode node, Set<String> allowed, String path) {
        if (node == null || !node.isObject()) {
            throw Problems.problem(400, "the request body must be a JSON object", path);
        }
        Body body = new Body(node, path);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                body.errors.add(
                        name + ": unknown field; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
        return body;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    /** A string of 1..maxLength characters; null (and an error when required) if absent. */
    String text(String field, boolean required, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(field + ": required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > maxLength) {
            errors.add(field + ": must be a string of 1 to " + maxLength + " characters");
            return null;
        }
        return value.asText();
    }

    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(field + ": must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    Instant instant(String field) {
        String text = text(field, false, 40);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field + ": must be an ISO-8601 UTC time such as 2027-01-31T00:00:00Z");
            return null;
        }
    }

    /** Answers 400 with every error collected so far, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors, path);
        }
    }
}
