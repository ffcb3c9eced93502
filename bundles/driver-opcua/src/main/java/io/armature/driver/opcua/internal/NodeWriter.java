package io.armature.driver.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ulong;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * Writes a JSON value to a variable: reads the variable's data type first and converts the value to
 * exactly that built-in type (a write of the wrong type answers Bad_TypeMismatch on most servers),
 * then writes the value alone, without status or timestamps.
 */
final class NodeWriter {
    private final OpcUaClient client;

    NodeWriter(OpcUaClient client) {
        this.client = client;
    }

    /**
     * Writes and completes with the server's status code; fails on conversion or service errors.
     */
    CompletableFuture<StatusCode> write(NodeId node, Object value) {
        ReadValueId type =
                new ReadValueId(
                        node, uint(AttributeId.DataType.id()), null, QualifiedName.NULL_VALUE);
        return client.readAsync(0.0, TimestampsToReturn.Neither, List.of(type))
                .thenCompose(
                        response -> {
                            DataValue read = response.getResults()[0];
                            if (read.statusCode().isBad()) {
                                return CompletableFuture.completedFuture(read.statusCode());
                            }
                            Variant variant = convert(read.value().getValue(), value);
                            return client.writeValuesAsync(
                                            List.of(node), List.of(DataValue.valueOnly(variant)))
                                    .thenApply(codes -> codes.get(0));
                        });
    }

    /** The value as a variant of the node's built-in data type. */
    static Variant convert(Object dataType, Object value) {
        if (!(dataType instanceof NodeId id)
                || id.getNamespaceIndex().intValue() != 0
                || !(id.getIdentifier()
                        instanceof
                        org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger number)) {
            throw new IllegalArgumentException(
                    "the node's data type " + dataType + " is not a built-in scalar type");
        }
        int builtIn = number.intValue();
        if (builtIn == 1) {
            if (value instanceof Boolean b) {
                return Variant.ofBoolean(b);
            }
            throw new IllegalArgumentException("the node is Boolean; value must be true or false");
        }
        if (builtIn == 12) {
            return Variant.ofString(String.valueOf(value));
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(
                    "the node holds numbers; value must be a number, was " + describe(value));
        }
        return switch (builtIn) {
            case 2 -> Variant.ofSByte((byte) integer(n, Byte.MIN_VALUE, Byte.MAX_VALUE, "SByte"));
            case 3 -> Variant.ofByte(ubyte(integer(n, 0, 255, "Byte")));
            case 4 ->
                    Variant.ofInt16((short) integer(n, Short.MIN_VALUE, Short.MAX_VALUE, "Int16"));
            case 5 -> Variant.ofUInt16(ushort((int) integer(n, 0, 65_535, "UInt16")));
            case 6 ->
                    Variant.ofInt32(
                            (int) integer(n, Integer.MIN_VALUE, Integer.MAX_VALUE, "Int32"));
            case 7 -> Variant.ofUInt32(uint(integer(n, 0, 4_294_967_295L, "UInt32")));
            case 8 -> Variant.ofInt64(integer(n, Long.MIN_VALUE, Long.MAX_VALUE, "Int64"));
            case 9 -> Variant.ofUInt64(ulong(integer(n, 0, Long.MAX_VALUE, "UInt64")));
            case 10 -> Variant.ofFloat(n.floatValue());
            case 11 -> Variant.ofDouble(n.doubleValue());
            default ->
                    throw new IllegalArgumentException(
                            "the node's data type i=" + builtIn + " cannot be written from JSON");
        };
    }

    private static long integer(Number n, long min, long max, String type) {
        BigDecimal exact = new BigDecimal(n.toString());
        try {
            long value = exact.longValueExact();
            if (value < min || value > max) {
                throw new IllegalArgumentException(
                        "value "
                                + n
                                + " is outside the range of "
                                + type
                                + " ["
                                + min
                                + ", "
                                + max
                                + "]");
            }
            return value;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "the node is " + type + "; value " + n + " is not a whole number");
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    /** The status code of the first UaException in a failure's cause chain, null when none. */
    static StatusCode statusOf(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof UaException ua) {
                return ua.getStatusCode();
            }
            cause = cause.getCause();
        }
        return null;
    }
}
