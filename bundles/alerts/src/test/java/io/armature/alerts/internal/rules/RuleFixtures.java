package io.armature.alerts.internal.rules;

import io.armature.api.alert.RuleMemory;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** What the rule tests share: the engine's memory as maps, and configs from maps. */
final class RuleFixtures {
    private RuleFixtures() {}

    /** The engine's memory as maps (arrays copied as the engine does). */
    static final class Memory implements RuleMemory {
        final Map<String, Double> numbers = new HashMap<>();
        final Map<String, double[]> arrays = new HashMap<>();

        @Override
        public double get(String key, double absent) {
            return numbers.getOrDefault(key, absent);
        }

        @Override
        public void put(String key, double value) {
            numbers.put(key, value);
        }

        @Override
        public double[] array(String key) {
            double[] values = arrays.get(key);
            return values == null ? null : values.clone();
        }

        @Override
        public void putArray(String key, double[] values) {
            arrays.put(key, values.clone());
        }

        @Override
        public void remove(String key) {
            numbers.remove(key);
            arrays.remove(key);
        }
    }

    /** A config annotation whose attributes come from a map, else their defaults. */
    @SuppressWarnings("unchecked")
    static <A> A config(Class<A> type, Map<String, Object> values) {
        return (A)
                Proxy.newProxyInstance(
                        type.getClassLoader(),
                        new Class<?>[] {type},
                        (proxy, method, args) -> {
                            if (method.getName().equals("annotationType")) {
                                return type;
                            }
                            Object value = values.get(method.getName());
                            return value != null ? value : method.getDefaultValue();
                        });
    }
}
