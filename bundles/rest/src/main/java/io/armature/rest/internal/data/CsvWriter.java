package io.armature.rest.internal.data;

import io.armature.api.storage.Aggregate;
import io.armature.api.storage.Bucket;
import io.armature.api.storage.RawPage;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CSV renderings of series reads: a header line, ISO-8601 times, empty cells for no value. */
final class CsvWriter {
    private CsvWriter() {}

    static String points(List<RawPage.Point> points) {
        StringBuilder csv = new StringBuilder(points.size() * 40).append("time,value\n");
        UtcTimes times = new UtcTimes();
        for (RawPage.Point point : points) {
            times.append(csv, point.time());
            csv.append(',').append(point.value()).append('\n');
        }
        return csv.toString();
    }

    /**
     * The JSON answer of a raw read, {@code {"samples":[{"time","value"}…],"next_cursor"}}, written
     * directly: for 86,400 points this is several times faster than mapping objects.
     */
    static String pointsJson(RawPage page) {
        StringBuilder json =
                new StringBuilder(page.points().size() * 48 + 64).append("{\"samples\":[");
        UtcTimes times = new UtcTimes();
        boolean first = true;
        for (RawPage.Point point : page.points()) {
            json.append(first ? "{\"time\":\"" : ",{\"time\":\"");
            first = false;
            times.append(json, point.time());
            json.append("\",\"value\":").append(point.value()).append('}');
        }
        json.append("],\"next_cursor\":");
        if (page.nextCursor() == null) {
            json.append("null");
        } else {
            // cursors are base64url: nothing to escape
            json.append('"').append(page.nextCursor()).append('"');
        }
        return json.append('}').toString();
    }

    static String buckets(List<Bucket> buckets, Set<Aggregate> aggregates) {
        StringBuilder csv = new StringBuilder(buckets.size() * 60).append("time");
        aggregates.forEach(a -> csv.append(',').append(a.name().toLowerCase(Locale.ROOT)));
        csv.append('\n');
        for (Bucket bucket : buckets) {
            csv.append(bucket.start());
            for (Aggregate aggregate : aggregates) {
                Double value = bucket.values().get(aggregate);
                csv.append(',');
                if (value != null) {
                    csv.append(
                            aggregate == Aggregate.COUNT
                                    ? String.valueOf(value.longValue())
                                    : String.valueOf(value));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
