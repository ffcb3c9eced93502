package io.armature.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.sample.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodersTest {
    private static final Instant RECEIVED = Instant.parse("2026-12-02T10:00:00Z");

    private static Decoded decode(String subscription, String topic, String payload) {
        Subscription s = Subscription.parse(subscription, 1);
        return PayloadDecoder.of(s)
                .decode(
                        payload.getBytes(StandardCharsets.UTF_8),
                        s.match(topic).orElseThrow(),
                        RECEIVED);
    }

    @Test
    void powiotMapsTagsToTenantAndDeviceAndEachFieldToAMetric() {
        Decoded d =
                decode(
                        "sensors/+ powiot",
                        "sensors/mill-sense",
                        "{\"measurement\": \"airSensor\", \"tags\": {\"house_id\": \"3\", \"location\":"
                                + " \"Soverom\", \"sensor_name\": \"mill-sense\"}, \"fields\":"
                                + " {\"temperature\": 19.7, \"humidity\": 40.3}, \"time\":"
                                + " \"2023-05-08T06:00:00\"}");
        Instant time = Instant.parse("2023-05-08T06:00:00Z");
        assertEquals(
                List.of(
                        new Sample("3", "mill-sense", "temperature", time, 19.7),
                        new Sample("3", "mill-sense", "humidity", time, 40.3)),
                d.samples);
        assertTrue(d.problems.isEmpty());
    }

    @Test
    void powiotMappingAndZoneAreConfigurable() {
        Decoded d =
                decode(
                        "house/{tenant}/+ powiot device_tag=location metric={measurement}_{field} zone=Europe/Oslo",
                        "house/villa/x",
                        "{\"measurement\": \"powerConsumption\", \"tags\": {\"location\": \"Kjeller\"},"
                                + " \"fields\": {\"power\": 1200, \"state\": \"on\"}, \"time\": \"2023-05-08T08:00:00\"}");
        assertEquals(
                List.of(
                        new Sample(
                                "villa",
                                "Kjeller",
                                "powerConsumption_power",
                                Instant.parse("2023-05-08T06:00:00Z"),
                                1200)),
                d.samples,
                "08:00 in Oslo (summer time) is 06:00 UTC");
        assertEquals(
                List.of(
                        new Decoded.Problem(
                                PayloadDecoder.NOT_A_NUMBER,
                                "field 'state' is string, not a number")),
                d.problems);
    }

    @Test
    void powiotProblemsAreCountedPerLostValue() {
        assertEquals(
                PayloadDecoder.MALFORMED_JSON,
                decode("sensors/+ powiot", "sensors/a", "{\"fields\": ").problems.get(0).reason());
        Decoded noDevice =
                decode(
                        "sensors/+ powiot",
                        "sensors/a",
                        "{\"tags\": {\"house_id\": \"3\"}, \"fields\": {\"a\": 1, \"b\": 2}}");
        assertEquals(2, noDevice.problems.size());
        assertEquals(PayloadDecoder.UNROUTABLE, noDevice.problems.get(0).reason());
        Decoded badTime =
                decode(
                        "sensors/+ powiot",
                        "sensors/a",
                        "{\"tags\": {\"house_id\": \"3\", \"sensor_name\": \"s\"}, \"fields\": {\"a\": 1}, \"time\": \"yesterday\"}");
        assertEquals(PayloadDecoder.INVALID_TIME, badTime.problems.get(0).reason());
        assertEquals(
                PayloadDecoder.EMPTY_PAYLOAD,
                decode("sensors/+ powiot", "sensors/a", "").problems.get(0).reason());
    }

    @Test
    void jsonTakesObjectsOrArraysKeepingTheValidOnes() {
        Decoded d =
                decode(
                        "tenants/{tenant}/samples json",
                        "tenants/acme/samples",
                        "[{\"device\": \"press-1\", \"metric\": \"force\", \"time\": \"2026-12-01T00:00:00Z\", \"value\": 12.5, \"unit\": \"kN\"},"
                                + " {\"device\": \"press-1\", \"metric\": \"force\", \"value\": \"high\"},"
                                + " {\"device\": \"press-2\", \"metric\": \"temp\", \"time\": 1764547200000, \"value\": 30}]");
        assertEquals(
                List.of(
                        new Sample(
                                "acme",
                                "press-1",
                                "force",
                                Instant.parse("2026-12-01T00:00:00Z"),
                                12.5),
                        new Sample(
                                "acme",
                                "press-2",
                                "temp",
                                Instant.ofEpochMilli(1764547200000L),
                                30)),
                d.samples);
        assertEquals(Map.of("acme/press-1/force", "kN"), d.units);
        assertEquals(1, d.problems.size());
        assertEquals("element 1: 'value' must be a number", d.problems.get(0).message());
    }

    @Test
    void jsonSkipsUnknownFieldsAndRefusesWholeMalformedPayloads() {
        String sub = "plant/{device} json tenant=acme metric=temp";
        Decoded d =
                decode(
                        sub,
                        "plant/press-1",
                        "{\"extra\": {\"nested\": [1, {\"value\": \"x\"}]}, \"device\": null,"
                                + " \"value\": 21.5, \"time\": \"2026-12-01T01:00:00\"}");
        assertEquals(
                List.of(
                        new Sample(
                                "acme",
                                "press-1",
                                "temp",
                                Instant.parse("2026-12-01T01:00:00Z"),
                                21.5)),
                d.samples);
        assertTrue(d.problems.isEmpty());
        Decoded wrongType = decode(sub, "plant/press-1", "[{\"device\": 7, \"value\": 1}, 5]");
        assertEquals(
                List.of("element 0: 'device' must be a string", "element 1: must be an object"),
                wrongType.problems.stream().map(Decoded.Problem::message).toList());
        for (String malformed :
                List.of(
                        "{\"value\": 1, \"value\": 2}",
                        "[{\"value\": 1}] {\"value\": 2}",
                        "[{\"value\": 1}, {\"value\": ",
                        "{\"value\": NaN}")) {
            Decoded refused = decode(sub, "plant/press-1", malformed);
            assertEquals(List.of(), refused.samples, malformed);
            assertEquals(
                    PayloadDecoder.MALFORMED_JSON, refused.problems.get(0).reason(), malformed);
        }
        Decoded duplicate = decode(sub, "plant/press-1", "{\"value\": 1, \"value\": 2}");
        assertTrue(
                duplicate.problems.get(0).message().contains("Duplicate field 'value'"),
                duplicate.problems.get(0).message());
    }

    @Test
    void aBareValueTakesItsKeysFromTheTopicAndTheReceiveTime() {
        Decoded d =
                decode(
                        "tenants/{tenant}/devices/{device}/metrics/{metric} value",
                        "tenants/t/devices/d/metrics/m",
                        " 21.5\n");
        assertEquals(List.of(new Sample("t", "d", "m", RECEIVED, 21.5)), d.samples);
        assertEquals(
                PayloadDecoder.NOT_A_NUMBER,
                decode(
                                "tenants/{tenant}/devices/{device}/metrics/{metric} value",
                                "tenants/t/devices/d/metrics/m",
                                "warm")
                        .problems
                        .get(0)
                        .reason());
        Decoded nan =
                decode(
                        "tenants/{tenant}/devices/{device}/metrics/{metric} value",
                        "tenants/t/devices/d/metrics/m",
                        "NaN");
        assertTrue(
                Double.isNaN(nan.samples.get(0).value()),
                "NaN is a number to the decoder; ingest rejects it as non_finite_value");
    }
}
