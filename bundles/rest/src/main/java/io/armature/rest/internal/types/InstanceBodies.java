package io.armature.rest.internal.types;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.sample.Identifiers;
import io.armature.rest.internal.problem.Problem.FieldError;
import io.armature.rest.internal.problem.ProblemException;
import io.armature.rest.internal.system.ConfigurationValidator;
import io.armature.rest.internal.system.MetatypeSchemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The {@code {"id", "type", "config"}} bodies of plugin instances (drivers, alert rules): shape
 * checks, the configuration converted through the type's metatype, every bad field named in one 400
 * answer.
 */
public final class InstanceBodies {
    private InstanceBodies() {}

    /** A creatable type as {@code GET .../types} lists it, with its metatype schema. */
    public static Map<String, Object> typeView(PluginTypes.Type type) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", type.type());
        view.put("factory_pid", type.factoryPid());
        MetatypeSchemas.Schema schema =
                type.schema() == null ? null : MetatypeSchemas.render(type.schema());
        view.put("name", schema == null ? type.type() : schema.name());
        view.put("description", schema == null ? null : schema.description());
        view.put("bundle", type.description().bundle.symbolicName);
        view.put("attributes", schema == null ? List.of() : schema.attributes());
        return view;
    }

    public static ObjectClassDefinition ocd(PluginTypes.Type type) {
        return type.schema() == null ? null : type.schema().ocd();
    }

    public static Map<String, Object> convert(
            JsonNode config, PluginTypes.Type type, List<FieldError> errors) {
        List<FieldError> configErrors = new ArrayList<>();
        Map<String, Object> properties =
                ConfigurationValidator.convert(config, ocd(type), configErrors);
        for (FieldError error : configErrors) {
            errors.add(
                    new FieldError(
                            error.field().isEmpty() ? "config" : "config." + error.field(),
                            error.message()));
        }
        return properties;
    }

    public static JsonNode config(JsonNode body) {
        JsonNode config = body.get("config");
        return config == null || config.isNull()
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : config;
    }

    public static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(
                    400,
                    "body must be a JSON object {\"id\", \"type\", \"config\"}, was "
                            + (body == null
                                    ? "empty"
                                    : body.getNodeType().toString().toLowerCase()));
        }
    }

    public static void unknownFields(JsonNode body, Set<String> allowed, List<FieldError> errors) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(
                        new FieldError(
                                name,
                                "unknown field; allowed: "
                                        + String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        }
    }

    /** The body's {@code id}: required, an identifier ({@link Identifiers#PATTERN}); else null. */
    public static String id(JsonNode body, List<FieldError> errors) {
        String id = text(body, "id", errors);
        if (id != null && !Identifiers.isValid(id)) {
            errors.add(new FieldError("id", "'" + id + "' does not match " + Identifiers.PATTERN));
            return null;
        }
        return id;
    }

    public static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(field, "required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string, was " + node.getNodeType()));
            return null;
        }
        return node.asText();
    }

    public static void checkSame(
            JsonNode body, String field, String expected, String what, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull() && !expected.equals(node.asText())) {
            errors.add(
                    new FieldError(
                            field,
                            "cannot be changed (is '" + expected + "'); create a new " + what));
        }
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(
                400,
                errors.size()
                        + " invalid field"
                        + (errors.size() == 1 ? "" : "s")
                        + ": "
                        + String.join(
                                ", ", errors.stream().map(FieldError::field).distinct().toList()),
                errors);
    }
}
