package io.armature.rest.internal.data;

import io.armature.api.storage.Aggregate;
import io.armature.rest.internal.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the query parameters of series reads, with a 400 naming the parameter on error. */
final class QueryParameters {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private QueryParameters() {}

    static Instant time(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(
                    400,
                    "query parameter '"
                            + name
                            + "': '"
                            + value
                            + "' is not an ISO-8601 UTC time such as 2026-11-22T10:15:30Z");
        }
    }

    static int limit(Integer value, int fallback, int max) {
        int limit = value == null ? fallback : value;
        if (limit < 1 || limit > max) {
            throw new ProblemException(
                    400, "query parameter 'limit' must be between 1 and " + max + ", was " + limit);
        }
        return limit;
    }

    /**
     * {@code 30s}, {@code 1m}, {@code 15m}, {@code 1h}, {@code 1d}, or ISO-8601 such as {@code
     * PT5M}.
     */
    static Duration bucket(String value) {
        Matcher matcher = SHORT_DURATION.matcher(value.trim());
        Duration width;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            width =
                    switch (matcher.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    };
        } else {
            try {
                width = Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new ProblemException(
                        400,
                        "query parameter 'bucket': '"
                                + value
                                + "' is not a width such as 30s, 1m, 15m, 1h, 1d or PT5M");
            }
        }
        if (width.isZero() || width.isNegative()) {
            throw new ProblemException(
                    400, "query parameter 'bucket' must be positive, was " + value);
        }
        return width;
    }

    static Set<Aggregate> aggregates(String value) {
        Set<Aggregate> aggregates = EnumSet.noneOf(Aggregate.class);
        for (String name : (value == null || value.isBlank() ? "avg" : value).split(",")) {
            try {
                aggregates.add(Aggregate.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(
                        400,
                        "query parameter 'agg': '"
                                + name.trim()
                                + "' is not one of avg, min, max, sum, count, first, last");
            }
        }
        return aggregates;
    }
}
