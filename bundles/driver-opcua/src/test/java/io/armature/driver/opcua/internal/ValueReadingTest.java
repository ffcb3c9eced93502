package io.armature.driver.opcua.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;

class ValueReadingTest {
    private static final Instant SOURCE = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant SERVER = Instant.parse("2026-12-01T10:00:01Z");
    private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:02Z");

    private static DataValue value(Object raw, StatusCode status, Instant source, Instant server) {
        return new DataValue(
                new Variant(raw),
                status,
                source == null ? null : new DateTime(source),
                null,
                server == null ? null : new DateTime(server),
                null);
    }

    @Test
    void theSourceTimestampWinsThenTheServersThenTheReceiveTime() {
        ValueReading source =
                ValueReading.of(value(21.5, StatusCode.GOOD, SOURCE, SERVER), RECEIVED);
        assertEquals(ValueReading.Kind.VALUE, source.kind());
        assertEquals(21.5, source.value());
        assertEquals(SOURCE, source.time());
        assertEquals("source", source.timeSource());
        ValueReading server = ValueReading.of(value(1, StatusCode.GOOD, null, SERVER), RECEIVED);
        assertEquals(SERVER, server.time());
        assertEquals("server", server.timeSource());
        ValueReading received = ValueReading.of(value(1, StatusCode.GOOD, null, null), RECEIVED);
        assertEquals(RECEIVED, received.time());
        assertEquals("received", received.timeSource());
    }

    @Test
    void numbersOfEveryWidthAndBooleansBecomeDoubles() {
        assertEquals(
                1.0, ValueReading.of(value(true, StatusCode.GOOD, SOURCE, null), RECEIVED).value());
        assertEquals(
                0.0,
                ValueReading.of(value(false, StatusCode.GOOD, SOURCE, null), RECEIVED).value());
        assertEquals(
                4_294_967_295.0,
                ValueReading.of(
                                value(Unsigned.uint(4_294_967_295L), StatusCode.GOOD, SOURCE, null),
                                RECEIVED)
                        .value());
        assertEquals(
                -7.0,
                ValueReading.of(value((short) -7, StatusCode.GOOD, SOURCE, null), RECEIVED)
                        .value());
    }

    @Test
    void badAndUncertainStatusesAreNeverValues() {
        ValueReading bad =
                ValueReading.of(
                        value(5.0, new StatusCode(StatusCodes.Bad_SensorFailure), SOURCE, null),
                        RECEIVED);
        assertEquals(ValueReading.Kind.BAD, bad.kind());
        assertTrue(bad.reason().startsWith("Bad_SensorFailure (0x808C0000)"), bad.reason());
        ValueReading uncertain =
                ValueReading.of(
                        value(
                                5.0,
                                new StatusCode(StatusCodes.Uncertain_LastUsableValue),
                                SOURCE,
                                null),
                        RECEIVED);
        assertEquals(ValueReading.Kind.UNCERTAIN, uncertain.kind());
    }

    @Test
    void arraysStructuresTextAndNonFiniteNumbersAreUnsupported() {
        ValueReading array =
                ValueReading.of(
                        value(new Double[] {1.0, 2.0}, StatusCode.GOOD, SOURCE, null), RECEIVED);
        assertEquals(ValueReading.Kind.UNSUPPORTED, array.kind());
        assertTrue(array.reason().contains("array of 2 Double"), array.reason());
        ValueReading text = ValueReading.of(value("on", StatusCode.GOOD, SOURCE, null), RECEIVED);
        assertTrue(text.reason().contains("String"), text.reason());
        ValueReading nan =
                ValueReading.of(value(Double.NaN, StatusCode.GOOD, SOURCE, null), RECEIVED);
        assertEquals(ValueReading.Kind.UNSUPPORTED, nan.kind());
        assertEquals(
                ValueReading.Kind.UNSUPPORTED,
                ValueReading.of(value(null, StatusCode.GOOD, SOURCE, null), RECEIVED).kind());
    }

    @Test
    void healthSkipsAValueRepeatedWithItsOldTimestampAndCountsTheBadOnes() {
        NodeHealth health = new NodeHealth(NodeMapping.parse("i=85 d m", "t"));
        DataValue first = value(1.0, StatusCode.GOOD, SOURCE, null);
        assertTrue(health.received(ValueReading.of(first, RECEIVED), RECEIVED));
        assertFalse(
                health.received(ValueReading.of(first, RECEIVED), RECEIVED),
                "the initial value of a re-subscription, same source timestamp");
        assertTrue(
                health.received(
                        ValueReading.of(
                                value(2.0, StatusCode.GOOD, SOURCE.plusSeconds(1), null), RECEIVED),
                        RECEIVED));
        assertFalse(
                health.received(
                        ValueReading.of(
                                value(
                                        2.0,
                                        new StatusCode(StatusCodes.Bad_CommunicationError),
                                        null,
                                        null),
                                RECEIVED),
                        RECEIVED));
        assertEquals(2L, health.view().get("samples"));
        assertEquals(1L, health.view().get("bad_status_count"));
        assertEquals("bad", health.view().get("state"));
        assertEquals("Bad_CommunicationError", health.view().get("last_status"));
        assertEquals(2.0, health.view().get("last_value"));
    }
}
