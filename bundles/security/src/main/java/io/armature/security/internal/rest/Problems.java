package io.armature.security.internal.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem documents thrown as {@link WebApplicationException}s; the REST layer passes a
 * problem entity through unchanged.
 */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    static WebApplicationException problem(int status, String detail, String path) {
        return problem(status, detail, path, List.of(), Map.of());
    }

    static WebApplicationException problem(
            int status,
            String detail,
            String path,
            List<Map<String, String>> errors,
            Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        body.put("type", "about:blank");
        body.put("title", type != null ? type.getReasonPhrase() : "HTTP " + status);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", path);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(body);
        headers.forEach(response::header);
        return new WebApplicationException(detail, response.build());
    }

    /** 400 listing each field error ("field: message" strings). */
    static WebApplicationException invalid(List<String> errors, String path) {
        List<Map<String, String>> list =
                errors.stream()
                        .map(
                                e -> {
                                    int colon = e.indexOf(": ");
                                    return colon < 0
                                            ? Map.of("field", "", "message", e)
                                            : Map.of(
                                                    "field",
                                                    e.substring(0, colon),
                                                    "message",
                                                    e.substring(colon + 2));
                                })
                        .toList();
        return problem(
                400, "invalid request body: " + String.join("; ", errors), path, list, Map.of());
    }
}
