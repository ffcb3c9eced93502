package io.armature.driver.grpc.internal;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.List;
import java.util.Map;

/**
 * Command arguments (JSON values: String, Number, Boolean, null, List, Map) as a protobuf Struct.
 */
final class Structs {
    private Structs() {}

    static Struct of(Map<String, Object> map) {
        Struct.Builder struct = Struct.newBuilder();
        map.forEach((key, value) -> struct.putFields(key, value(value)));
        return struct.build();
    }

    @SuppressWarnings("unchecked")
    static Value value(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (value instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (value instanceof Map<?, ?> map) {
            return Value.newBuilder().setStructValue(of((Map<String, Object>) map)).build();
        }
        if (value instanceof List<?> list) {
            ListValue.Builder items = ListValue.newBuilder();
            list.forEach(item -> items.addValues(value(item)));
            return Value.newBuilder().setListValue(items).build();
        }
        return Value.newBuilder().setStringValue(value.toString()).build();
    }
}
