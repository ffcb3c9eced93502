package io.armature.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts configuration JSON to ConfigAdmin property values, following the OSGi Configurator /
 * Feature convention: a key may carry its type, {@code "port:Integer": 8080} or {@code
 * "topics:String[]": ["a"]}; untyped integers become Long, other numbers Double.
 */
final class ConfigValues {
    private ConfigValues() {}

    /** A {@code "configurations"} object: PID to typed properties, in file order. */
    static Map<String, Map<String, Object>> configurations(JsonNode json, Variables variables) {
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        if (json.isMissingNode()) {
            return configurations;
        }
        if (!json.isObject()) {
            throw new FeatureFormatException("\"configurations\" must be a JSON object");
        }
        json.fields()
                .forEachRemaining(
                        c -> {
                            RenamedPids.renamed(c.getKey())
                                    .ifPresent(
                                            pid -> {
                                                throw new FeatureFormatException(
                                                        "configuration '"
                                                                + c.getKey()
                                                                + "' was renamed to '"
                                                                + pid
                                                                + "': use the new PID");
                                            });
                            configurations.put(
                                    c.getKey(), toProperties(c.getKey(), c.getValue(), variables));
                        });
        return configurations;
    }

    static Map<String, Object> toProperties(String pid, JsonNode json, Variables variables) {
        if (!json.isObject()) {
            throw new FeatureFormatException("configuration '" + pid + "' must be a JSON object");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        json.fields()
                .forEachRemaining(
                        field -> {
                            String key = field.getKey();
                            String type = null;
                            int colon = key.indexOf(':');
                            if (colon > 0) {
                                type = key.substring(colon + 1);
                                key = key.substring(0, colon);
                            }
                            try {
                                properties.put(key, convert(field.getValue(), type, variables));
                            } catch (RuntimeException e) {
                                throw new FeatureFormatException(
                                        "configuration '"
                                                + pid
                                                + "', property '"
                                                + field.getKey()
                                                + "': "
                                                + e.getMessage());
                            }
                        });
        return properties;
    }

    private static Object convert(JsonNode value, String type, Variables variables) {
        if (type != null && type.endsWith("[]")) {
            String elementType = type.substring(0, type.length() - 2);
            if (!value.isArray()) {
                throw new IllegalArgumentException("expected a JSON array for type " + type);
            }
            Object array = Array.newInstance(javaType(elementType), value.size());
            for (int i = 0; i < value.size(); i++) {
                Array.set(array, i, scalar(value.get(i), elementType, variables));
            }
            return array;
        }
        if (value.isArray()) {
            String[] strings = new String[value.size()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = variables.resolve(value.get(i).asText());
            }
            return strings;
        }
        return scalar(value, type, variables);
    }

    private static Object scalar(JsonNode value, String type, Variables variables) {
        if (value.isObject() || value.isArray() || value.isNull()) {
            throw new IllegalArgumentException("expected a scalar value");
        }
        String text = value.isTextual() ? variables.resolve(value.asText()) : value.asText();
        if (type == null) {
            if (value.isTextual()) {
                return text;
            }
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            return value.isIntegralNumber() ? (Object) value.longValue() : value.doubleValue();
        }
        return switch (type) {
            case "String" -> text;
            case "Integer", "int" -> Integer.valueOf(text.trim());
            case "Long", "long" -> Long.valueOf(text.trim());
            case "Double", "double" -> Double.valueOf(text.trim());
            case "Float", "float" -> Float.valueOf(text.trim());
            case "Boolean", "boolean" -> parseBoolean(text.trim());
            default -> throw new IllegalArgumentException("unknown type '" + type + "'");
        };
    }

    private static Boolean parseBoolean(String text) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("'" + text + "' is not true or false");
        }
        return Boolean.valueOf(text);
    }

    private static Class<?> javaType(String type) {
        return switch (type) {
            case "String" -> String.class;
            case "Integer", "int" -> Integer.class;
            case "Long", "long" -> Long.class;
            case "Double", "double" -> Double.class;
            case "Float", "float" -> Float.class;
            case "Boolean", "boolean" -> Boolean.class;
            default -> throw new IllegalArgumentException("unknown type '" + type + "[]'");
        };
    }
}
