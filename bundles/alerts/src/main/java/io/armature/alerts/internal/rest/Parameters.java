package io.armature.alerts.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters of the alert listing, each bad one reported as a field error. */
final class Parameters {
    private Parameters() {}

    static Instant time(String name, String value, List<Problems.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(
                    new Problems.FieldError(
                            name,
                            "'"
                                    + value
                                    + "' is not an ISO-8601 UTC time such as 2026-12-01T08:00:00Z"));
            return null;
        }
    }

    static Long id(String name, String value, List<Problems.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.add(
                    new Problems.FieldError(
                            name, "'" + value + "' is not a cursor of this listing (next_before)"));
            return null;
        }
    }

    static int limit(String value, int fallback, int max, List<Problems.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(
                new Problems.FieldError(
                        "limit", "'" + value + "' is not a number from 1 to " + max));
        return fallback;
    }
}
