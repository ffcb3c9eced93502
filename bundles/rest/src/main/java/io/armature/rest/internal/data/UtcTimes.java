package io.armature.rest.internal.data;

import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 UTC rendering of instants as {@link Instant#toString()} writes them, several times
 * faster for long runs of times of the same day (the date part is formatted once per day). Used
 * where tens of thousands of times are written per response. Not thread-safe: one per response.
 */
final class UtcTimes {
    private long day = Long.MIN_VALUE;
    private String datePrefix;

    /** Appends {@code time} exactly as {@code time.toString()} would. */
    void append(StringBuilder out, Instant time) {
        long seconds = time.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400L);
        if (epochDay != day || datePrefix == null) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            if (date.getYear() < 0 || date.getYear() > 9999) {
                out.append(time); // outside the four-digit years: leave it to the JDK
                return;
            }
            day = epochDay;
            datePrefix = date + "T";
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        out.append(datePrefix);
        two(out, secondOfDay / 3_600);
        out.append(':');
        two(out, secondOfDay / 60 % 60);
        out.append(':');
        two(out, secondOfDay % 60);
        int nanos = time.getNano();
        if (nanos > 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(out, nanos / 1_000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        out.append('Z');
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
