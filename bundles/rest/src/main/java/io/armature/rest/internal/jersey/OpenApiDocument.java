package io.armature.rest.internal.jersey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Derives an OpenAPI 3.0 document from Jersey's own resource model of the served classes, so the
 * document cannot drift from what is served: paths, methods, path/query/header parameters, request
 * and response media types, and the problem+json error response.
 */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static Map<String, Object> describe(List<Class<?>> resourceClasses, String version) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Class<?> type : resourceClasses) {
            Resource resource = Resource.from(type);
            if (resource != null) {
                collect(resource, "", type.getSimpleName(), paths);
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put(
                "info",
                Map.of(
                        "title", "Armature REST API",
                        "version", version,
                        "description",
                                "Devices, data and system administration of an Armature runtime."));
        document.put("paths", paths);
        document.put(
                "components",
                Map.of(
                        "schemas",
                        Map.of(
                                "Problem",
                                Map.of(
                                        "type", "object",
                                        "description", "RFC 9457 problem details",
                                        "properties",
                                                Map.of(
                                                        "type", Map.of("type", "string"),
                                                        "title", Map.of("type", "string"),
                                                        "status", Map.of("type", "integer"),
                                                        "detail", Map.of("type", "string"),
                                                        "instance", Map.of("type", "string"),
                                                        "errors", Map.of("type", "array"))))));
        return document;
    }

    private static void collect(
            Resource resource, String parent, String tag, Map<String, Map<String, Object>> paths) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            paths.computeIfAbsent(path, p -> new TreeMap<>())
                    .put(method.getHttpMethod().toLowerCase(), operation(method, tag));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, tag, paths);
        }
    }

    private static Map<String, Object> operation(ResourceMethod method, String tag) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("tags", List.of(tag));
        operation.put(
                "operationId", tag + "." + method.getInvocable().getHandlingMethod().getName());
        List<Map<String, Object>> parameters = new ArrayList<>();
        boolean hasBody = false;
        for (Parameter parameter : method.getInvocable().getParameters()) {
            Source source = parameter.getSource();
            if (source == Source.PATH || source == Source.QUERY || source == Source.HEADER) {
                parameters.add(
                        Map.of(
                                "name", parameter.getSourceName(),
                                "in", source.name().toLowerCase(),
                                "required", source == Source.PATH,
                                "schema", Map.of("type", schemaType(parameter.getRawType()))));
            } else if (source == Source.ENTITY) {
                hasBody = true;
            }
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (hasBody
                || !method.getConsumedTypes().isEmpty() && !method.getHttpMethod().equals("GET")) {
            Map<String, Object> content = new LinkedHashMap<>();
            method.getConsumedTypes().forEach(t -> content.put(t.toString(), Map.of()));
            if (content.isEmpty()) {
                content.put("application/json", Map.of());
            }
            operation.put("requestBody", Map.of("required", true, "content", content));
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "success");
        Map<String, Object> produced = new LinkedHashMap<>();
        method.getProducedTypes().forEach(t -> produced.put(t.toString(), Map.of()));
        if (!produced.isEmpty()) {
            ok.put("content", produced);
        }
        operation.put(
                "responses",
                Map.of(
                        "2XX",
                        ok,
                        "default",
                        Map.of(
                                "description",
                                "error",
                                "content",
                                Map.of(
                                        "application/problem+json",
                                        Map.of(
                                                "schema",
                                                Map.of("$ref", "#/components/schemas/Problem"))))));
        return operation;
    }

    private static String schemaType(Class<?> type) {
        if (type == int.class
                || type == long.class
                || type == Integer.class
                || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == double.class || type == float.class || type == Double.class) {
            return "number";
        }
        return "string";
    }

    /** Joins path segments and strips regular expressions from templates: {@code {id: \d+}}. */
    static String join(String parent, String path) {
        String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined;
    }
}
