package io.armature.driver.opcua.internal;

import java.lang.reflect.Array;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * What one OPC UA data value means for ingest: a number at a time, or why it is not one.
 *
 * @param kind the outcome
 * @param value the number (booleans as 1 and 0), for {@link Kind#VALUE}
 * @param time the sample's time, for {@link Kind#VALUE}
 * @param timeSource which clock gave {@code time}: {@code source} (the device's source timestamp),
 *     {@code server} (the server's timestamp, when the source gave none) or {@code received}
 *     (Armature's clock, when the value carried neither)
 * @param status the value's status code
 * @param reason why the value was not taken, null for {@link Kind#VALUE}
 */
record ValueReading(
        Kind kind,
        double value,
        Instant time,
        String timeSource,
        StatusCode status,
        String reason) {
    enum Kind {
        VALUE,
        BAD,
        UNCERTAIN,
        UNSUPPORTED
    }

    static ValueReading of(DataValue data, Instant received) {
        StatusCode status = data.statusCode() == null ? StatusCode.GOOD : data.statusCode();
        if (status.isBad()) {
            return new ValueReading(Kind.BAD, 0, null, null, status, NodeIdText.describe(status));
        }
        if (status.isUncertain()) {
            return new ValueReading(
                    Kind.UNCERTAIN, 0, null, null, status, NodeIdText.describe(status));
        }
        Object raw = data.value() == null ? null : data.value().getValue();
        Double number = number(raw);
        if (number == null) {
            return new ValueReading(Kind.UNSUPPORTED, 0, null, null, status, unsupported(raw));
        }
        if (!Double.isFinite(number)) {
            return new ValueReading(
                    Kind.UNSUPPORTED, 0, null, null, status, "value " + number + " is not finite");
        }
        if (valid(data.sourceTime())) {
            return new ValueReading(
                    Kind.VALUE, number, data.sourceTime().getJavaInstant(), "source", status, null);
        }
        if (valid(data.serverTime())) {
            return new ValueReading(
                    Kind.VALUE, number, data.serverTime().getJavaInstant(), "server", status, null);
        }
        return new ValueReading(Kind.VALUE, number, received, "received", status, null);
    }

    /** A numeric or boolean scalar as a double, null for anything else. */
    static Double number(Object raw) {
        if (raw instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        return null;
    }

    private static boolean valid(DateTime time) {
        return time != null && time.isValid() && !time.isNull();
    }

    private static String unsupported(Object raw) {
        if (raw == null) {
            return "the value is empty (null)";
        }
        if (raw.getClass().isArray()) {
            return "array values are not supported (an array of "
                    + Array.getLength(raw)
                    + " "
                    + raw.getClass().getComponentType().getSimpleName()
                    + "); map a node that holds one number";
        }
        if (raw instanceof ExtensionObject) {
            return "structures (ExtensionObject) are not supported; map the structure's numeric"
                    + " fields' nodes instead";
        }
        return "values of type " + raw.getClass().getSimpleName() + " are not numbers or booleans";
    }
}
