package io.armature.sensor.models.internal.simulator;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem answers of the sensors resource (the REST layer passes them through). */
final class SensorProblems {
    private SensorProblems() {}

    static WebApplicationException problem(int status, String detail) {
        return new WebApplicationException(detail, response(status, detail, null));
    }

    /** 400 naming each bad field; {@code errors} are {@code "field: message"}. */
    static WebApplicationException invalid(List<String> errors) {
        List<Map<String, String>> fields =
                errors.stream()
                        .map(
                                e -> {
                                    int colon = e.indexOf(": ");
                                    return colon < 0
                                            ? Map.of("field", "", "message", e)
                                            : Map.of(
                                                    "field", e.substring(0, colon),
                                                    "message", e.substring(colon + 2));
                                })
                        .toList();
        String detail = "invalid sensor: " + String.join("; ", errors);
        return new WebApplicationException(detail, response(400, detail, fields));
    }

    private static Response response(int status, String detail, List<Map<String, String>> errors) {
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
