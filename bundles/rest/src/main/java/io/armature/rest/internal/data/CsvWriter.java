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
        for (RawPage.Point point : points) {
            csv.append(point.time()).append(',').append(point.value()).append('\n');
        }
        return csv.toString();
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
