package io.armature.rest.internal.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.rest.internal.problem.Problem.FieldError;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Turns a JSON object into ConfigAdmin properties, checked against a metatype definition when there
 * is one: each field's JSON type and range, option lists, required fields without defaults, and
 * unknown fields. Every problem is collected, so one answer lists all bad fields.
 */
public final class ConfigurationValidator {
    private ConfigurationValidator() {}

    /** The converted properties; {@code errors} receives one entry per bad field. */
    public static Map<String, Object> convert(
            JsonNode body, ObjectClassDefinition ocd, List<FieldError> errors) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            errors.add(
                    new FieldError("", "body must be a JSON object of configuration properties"));
            return properties;
        }
        if (ocd == null) {
            body.fields()
                    .forEachRemaining(f -> untyped(f.getKey(), f.getValue(), properties, errors));
            return properties;
        }
        AttributeDefinition[] definitions = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        Set<String> required =
                MetatypeSchemas.ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
        Set<String> known = MetatypeSchemas.ids(definitions);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name) && !name.contains(".")) {
                errors.add(
                        new FieldError(
                                name,
                                "unknown property; known: "
                                        + String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
        for (AttributeDefinition ad :
                definitions == null ? new AttributeDefinition[0] : definitions) {
            JsonNode value = body.get(ad.getID());
            if (value == null || value.isNull()) {
                if (required.contains(ad.getID())
                        && (ad.getDefaultValue() == null || ad.getDefaultValue().length == 0)) {
                    errors.add(new FieldError(ad.getID(), "required"));
                }
                continue;
            }
            typed(ad, value, properties, errors);
        }
        body.fields()
                .forEachRemaining(
                        f -> {
                            if (f.getKey().contains(".") && !known.contains(f.getKey())) {
                                untyped(f.getKey(), f.getValue(), properties, errors);
                            }
                        });
        return properties;
    }

    private static void typed(
            AttributeDefinition ad,
            JsonNode value,
            Map<String, Object> properties,
            List<FieldError> errors) {
        String type = MetatypeSchemas.typeName(ad.getType());
        List<JsonNode> elements = new ArrayList<>();
        if (ad.getCardinality() == 0) {
            if (value.isArray()) {
                errors.add(
                        new FieldError(ad.getID(), "expected a single " + type + ", got an array"));
                return;
            }
            elements.add(value);
        } else {
            if (!value.isArray()) {
                errors.add(new FieldError(ad.getID(), "expected an array of " + type));
                return;
            }
            value.forEach(elements::add);
            if (Math.abs(ad.getCardinality()) < elements.size()) {
                errors.add(
                        new FieldError(
                                ad.getID(),
                                "at most " + Math.abs(ad.getCardinality()) + " values allowed"));
                return;
            }
        }
        Class<?> javaType = javaType(ad.getType());
        Object array = Array.newInstance(javaType, elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object converted = scalar(ad, elements.get(i));
            if (converted == null) {
                errors.add(
                        new FieldError(
                                ad.getID(),
                                "expected " + type + ", got " + describe(elements.get(i))));
                return;
            }
            String[] options = ad.getOptionValues();
            if (options != null
                    && options.length > 0
                    && !Arrays.asList(options).contains(String.valueOf(converted))) {
                errors.add(
                        new FieldError(
                                ad.getID(),
                                "'" + converted + "' must be one of " + Arrays.toString(options)));
                return;
            }
            String problem = ad.validate(String.valueOf(converted));
            if (problem != null && !problem.isEmpty()) {
                errors.add(new FieldError(ad.getID(), problem + " (value " + converted + ")"));
                return;
            }
            Array.set(array, i, converted);
        }
        properties.put(ad.getID(), ad.getCardinality() == 0 ? Array.get(array, 0) : array);
    }

    private static Object scalar(AttributeDefinition ad, JsonNode node) {
        return switch (ad.getType()) {
            case AttributeDefinition.STRING, AttributeDefinition.PASSWORD ->
                    node.isTextual() ? node.asText() : null;
            case AttributeDefinition.CHARACTER ->
                    node.isTextual() && node.asText().length() == 1
                            ? node.asText().charAt(0)
                            : null;
            case AttributeDefinition.BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
            case AttributeDefinition.LONG ->
                    node.canConvertToLong() && node.isIntegralNumber() ? node.longValue() : null;
            case AttributeDefinition.INTEGER ->
                    node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
            case AttributeDefinition.SHORT ->
                    node.isIntegralNumber()
                                    && node.canConvertToInt()
                                    && node.intValue() == (short) node.intValue()
                            ? (short) node.intValue()
                            : null;
            case AttributeDefinition.BYTE ->
                    node.isIntegralNumber()
                                    && node.canConvertToInt()
                                    && node.intValue() == (byte) node.intValue()
                            ? (byte) node.intValue()
                            : null;
            case AttributeDefinition.DOUBLE -> node.isNumber() ? node.doubleValue() : null;
            case AttributeDefinition.FLOAT -> node.isNumber() ? node.floatValue() : null;
            default -> null;
        };
    }

    private static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.CHARACTER -> Character.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            default -> String.class;
        };
    }

    private static void untyped(
            String key, JsonNode value, Map<String, Object> properties, List<FieldError> errors) {
        if (value.isTextual()) {
            properties.put(key, value.asText());
        } else if (value.isBoolean()) {
            properties.put(key, value.booleanValue());
        } else if (value.isIntegralNumber() && value.canConvertToLong()) {
            properties.put(key, value.longValue());
        } else if (value.isNumber()) {
            properties.put(key, value.doubleValue());
        } else if (value.isArray()) {
            String[] strings = new String[value.size()];
            for (int i = 0; i < strings.length; i++) {
                if (!value.get(i).isValueNode()) {
                    errors.add(new FieldError(key, "arrays may only hold scalar values"));
                    return;
                }
                strings[i] = value.get(i).asText();
            }
            properties.put(key, strings);
        } else {
            errors.add(
                    new FieldError(
                            key,
                            "expected a string, number, boolean or array, got " + describe(value)));
        }
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase()
                + " "
                + (node.isContainerNode() ? "" : node.toString());
    }
}
