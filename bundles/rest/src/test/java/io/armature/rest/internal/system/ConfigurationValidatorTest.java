package io.armature.rest.internal.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.armature.rest.internal.problem.Problem.FieldError;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

class ConfigurationValidatorTest {
    /** A metatype attribute as the metatype service would provide it. */
    record Attr(String id, int type, int cardinality, String[] defaults, String[] options, Long min)
            implements AttributeDefinition {
        @Override
        public String getName() {
            return id;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return null;
        }

        @Override
        public int getCardinality() {
            return cardinality;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return options;
        }

        @Override
        public String[] getOptionLabels() {
            return options;
        }

        @Override
        public String[] getDefaultValue() {
            return defaults;
        }

        @Override
        public String validate(String value) {
            return min != null && Long.parseLong(value) < min ? "less than minimum " + min : "";
        }
    }

    record Ocd(List<AttributeDefinition> attributes) implements ObjectClassDefinition {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public String getID() {
            return "test";
        }

        @Override
        public String getDescription() {
            return null;
        }

        @Override
        public InputStream getIcon(int size) {
            return null;
        }

        @Override
        public AttributeDefinition[] getAttributeDefinitions(int filter) {
            return attributes.toArray(new AttributeDefinition[0]);
        }
    }

    private final Ocd ocd =
            new Ocd(
                    List.of(
                            new Attr("url", AttributeDefinition.STRING, 0, null, null, null),
                            new Attr(
                                    "poolSize",
                                    AttributeDefinition.INTEGER,
                                    0,
                                    new String[] {"4"},
                                    null,
                                    1L),
                            new Attr(
                                    "mode",
                                    AttributeDefinition.STRING,
                                    0,
                                    new String[] {"a"},
                                    new String[] {"a", "b"},
                                    null),
                            new Attr(
                                    "topics",
                                    AttributeDefinition.STRING,
                                    5,
                                    new String[] {"x"},
                                    null,
                                    null),
                            new Attr(
                                    "ratio",
                                    AttributeDefinition.DOUBLE,
                                    0,
                                    new String[] {"1"},
                                    null,
                                    null),
                            new Attr(
                                    "on",
                                    AttributeDefinition.BOOLEAN,
                                    0,
                                    new String[] {"true"},
                                    null,
                                    null)));

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void convertsValidValuesToTheirMetatypeTypes() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> props =
                ConfigurationValidator.convert(
                        json(
                                "{\"url\":\"jdbc:x\",\"poolSize\":8,\"mode\":\"b\",\"topics\":[\"t/1\",\"t/2\"],\"ratio\":2,\"on\":false,\"x.target\":\"(a=b)\"}"),
                        ocd,
                        errors);
        assertEquals(List.of(), errors);
        assertEquals("jdbc:x", props.get("url"));
        assertEquals(8, props.get("poolSize"));
        assertArrayEquals(new String[] {"t/1", "t/2"}, (String[]) props.get("topics"));
        assertEquals(2.0, props.get("ratio"));
        assertEquals(false, props.get("on"));
        assertEquals("(a=b)", props.get("x.target"));
    }

    @Test
    void listsEveryBadFieldAtOnce() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        ConfigurationValidator.convert(
                json(
                        "{\"poolSize\":\"8\",\"mode\":\"c\",\"topics\":\"t\",\"ratio\":true,\"typo\":1}"),
                ocd,
                errors);
        Map<String, String> byField = new java.util.TreeMap<>();
        errors.forEach(e -> byField.put(e.field(), e.message()));
        assertEquals(
                Arrays.asList("mode", "poolSize", "ratio", "topics", "typo", "url"),
                List.copyOf(byField.keySet()));
        assertEquals("required", byField.get("url"));
        assertTrue(byField.get("poolSize").contains("expected integer"), byField.get("poolSize"));
        assertTrue(byField.get("mode").contains("one of"), byField.get("mode"));
        assertTrue(byField.get("topics").contains("array"), byField.get("topics"));
        assertTrue(byField.get("typo").contains("unknown property"), byField.get("typo"));
    }

    @Test
    void appliesTheDefinitionsValidation() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        ConfigurationValidator.convert(json("{\"url\":\"u\",\"poolSize\":0}"), ocd, errors);
        assertEquals(List.of(new FieldError("poolSize", "less than minimum 1 (value 0)")), errors);
    }

    @Test
    void withoutMetatypeAcceptsScalarsAndRejectsObjects() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> props =
                ConfigurationValidator.convert(
                        json("{\"a\":1,\"b\":\"s\",\"c\":[1,2],\"d\":{\"x\":1}}"), null, errors);
        assertEquals(1L, props.get("a"));
        assertArrayEquals(new String[] {"1", "2"}, (String[]) props.get("c"));
        assertEquals(1, errors.size());
        assertEquals("d", errors.get(0).field());
    }

    @Test
    void aNonObjectBodyIsRefused() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        ConfigurationValidator.convert(json("[1,2]"), ocd, errors);
        assertEquals(1, errors.size());
    }
}
