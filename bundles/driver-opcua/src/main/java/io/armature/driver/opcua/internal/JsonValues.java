package io.armature.driver.opcua.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UNumber;

/** OPC UA values as JSON values, for browsing. */
final class JsonValues {
    private static final int MAX_ELEMENTS = 100;

    private JsonValues() {}

    static Object of(Object raw) {
        if (raw == null || raw instanceof Boolean || raw instanceof String) {
            return raw;
        }
        if (raw instanceof UNumber unsigned) {
            return unsigned.longValue() >= 0 ? unsigned.longValue() : unsigned.toString();
        }
        if (raw instanceof Number number) {
            return number;
        }
        if (raw instanceof LocalizedText text) {
            return text.getText();
        }
        if (raw instanceof QualifiedName name) {
            return name.toParseableString();
        }
        if (raw instanceof DateTime time) {
            return time.getJavaInstant();
        }
        if (raw.getClass().isArray()) {
            int length = Array.getLength(raw);
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
                list.add(of(Array.get(raw, i)));
            }
            return list;
        }
        return raw.toString();
    }
}
