package io.armature.alerts.internal.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem answers of the alerts resource (the REST layer passes them through). */
final class Problems {
    /** One bad field or parameter. */
    record FieldError(String field, String message) {}

    private Problems() {}

    /** 400 naming each bad field. */
    static WebApplicationException invalid(List<FieldError> errors) {
        String detail =
                errors.size()
                        + " invalid field"
                        + (errors.size() == 1 ? "" : "s")
                        + ": "
                        + String.join(
                                "; ",
                                errors.stream()
                                        .map(
                                                e ->
                                                        (e.field().isEmpty()
                                                                        ? ""
                                                                        : e.field() + ": ")
                                                                + e.message())
                                        .toList());
        List<Map<String, String>> fields =
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "message", e.message()))
                        .toList();
        return new WebApplicationException(detail, response(400, detail, fields));
    }

    static Response response(int status, String detail, List<Map<String, String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null) {
            body.put("errors", errors);
        }
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
