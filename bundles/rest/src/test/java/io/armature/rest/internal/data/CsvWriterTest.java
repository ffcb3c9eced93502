package io.armature.rest.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.armature.api.storage.RawPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    @Test
    void fastTimesAreExactlyWhatInstantToStringWrites() {
        Random random = new Random(42);
        List<Instant> times =
                new ArrayList<>(
                        List.of(
                                Instant.EPOCH,
                                Instant.parse("1969-12-31T23:59:59.999Z"),
                                Instant.parse("2026-11-22T00:00:00Z"),
                                Instant.parse("2026-11-22T23:59:59.000001Z"),
                                Instant.parse("2026-11-22T10:15:30.120Z"),
                                Instant.parse("2026-11-22T10:15:30.000000007Z"),
                                Instant.parse("9999-12-31T23:59:59Z"),
                                Instant.parse("+10000-01-01T00:00:00Z")));
        for (int i = 0; i < 100_000; i++) {
            long seconds = 1_700_000_000L + random.nextInt(200_000_000);
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            times.add(Instant.ofEpochSecond(seconds, nanos));
        }
        times.sort(null); // runs of the same day, as in a page
        UtcTimes fast = new UtcTimes();
        for (Instant time : times) {
            StringBuilder out = new StringBuilder();
            fast.append(out, time);
            assertEquals(time.toString(), out.toString());
        }
    }

    @Test
    void rawPagesRenderAsTheDocumentedJson() throws Exception {
        RawPage page =
                new RawPage(
                        List.of(
                                new RawPage.Point(Instant.parse("2026-11-01T10:00:00Z"), 1.5),
                                new RawPage.Point(Instant.parse("2026-11-01T10:00:00.25Z"), -1e21)),
                        "dDE3OTE");
        JsonNode json = new ObjectMapper().readTree(CsvWriter.pointsJson(page));
        assertEquals("2026-11-01T10:00:00.250Z", json.at("/samples/1/time").asText());
        assertEquals(-1e21, json.at("/samples/1/value").asDouble());
        assertEquals(1.5, json.at("/samples/0/value").asDouble());
        assertEquals("dDE3OTE", json.get("next_cursor").asText());
        JsonNode empty =
                new ObjectMapper().readTree(CsvWriter.pointsJson(new RawPage(List.of(), null)));
        assertEquals(0, empty.get("samples").size());
        assertEquals(true, empty.get("next_cursor").isNull());
    }
}
