package io.armature.rest.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SampleParser.Parsed parse(String json) throws Exception {
        JsonNode body = JSON.readTree(json);
        return SampleParser.parse("acme", body);
    }

    @Test
    void wellFormedItemsBecomeSamplesWithTheirRequestIndexAndDeclaredUnits() throws Exception {
        SampleParser.Parsed parsed =
                parse(
                        "[{\"device\":\"press-1\",\"metric\":\"force\",\"time\":\"2026-11-01T10:00:00Z\",\"value\":12.5,\"unit\":\"kN\"},"
                                + "\"not an object\","
                                + "{\"device\":\"press-1\",\"metric\":\"temp\",\"time\":\"2026-11-01T10:00:01.250Z\",\"value\":-3}]");
        assertEquals(
                List.of(
                        new Sample(
                                "acme",
                                "press-1",
                                "force",
                                Instant.parse("2026-11-01T10:00:00Z"),
                                12.5),
                        new Sample(
                                "acme",
                                "press-1",
                                "temp",
                                Instant.parse("2026-11-01T10:00:01.250Z"),
                                -3)),
                parsed.samples());
        assertEquals(List.of(0, 2), parsed.indexes(), "indexes refer to the request's items");
        assertEquals(Map.of(List.of("press-1", "force"), "kN"), parsed.units());
        assertEquals(List.of(1), parsed.rejections().stream().map(Rejection::index).toList());
    }

    @Test
    void eachMalformedItemIsRejectedWithItsOwnReasonAndTheOthersAreKept() throws Exception {
        SampleParser.Parsed parsed =
                parse(
                        "[{\"device\":\"d\",\"metric\":\"m\",\"time\":\"2026-11-01T10:00:00Z\",\"value\":1,\"colour\":\"red\"},"
                                + "{\"metric\":\"m\",\"time\":\"2026-11-01T10:00:00Z\",\"value\":1},"
                                + "{\"device\":\"d\",\"metric\":\"m\",\"time\":\"yesterday\",\"value\":1},"
                                + "{\"device\":\"d\",\"metric\":\"m\",\"time\":\"2026-11-01T10:00:00Z\",\"value\":\"warm\"},"
                                + "{\"device\":\"d\",\"metric\":\"m\",\"time\":\"2026-11-01T10:00:00Z\",\"value\":1,\"unit\":7},"
                                + "{\"device\":\"d\",\"metric\":\"m\",\"time\":\"2026-11-01T10:00:00Z\",\"value\":\"NaN\"}]");
        assertEquals(
                List.of(
                        "unknown_field",
                        "missing_device",
                        "invalid_time",
                        "invalid_value",
                        "invalid_unit"),
                parsed.rejections().stream().map(Rejection::reason).toList());
        assertTrue(parsed.rejections().get(0).message().contains("'colour'"));
        assertTrue(parsed.rejections().get(2).message().contains("'yesterday'"));
        assertTrue(parsed.rejections().get(3).message().contains("\"warm\""));
        // a non-finite value is well-formed JSON here; ingest rejects it as non_finite_value
        assertEquals(1, parsed.samples().size());
        assertTrue(Double.isNaN(parsed.samples().get(0).value()));
        assertEquals(List.of(5), parsed.indexes());
    }
}
