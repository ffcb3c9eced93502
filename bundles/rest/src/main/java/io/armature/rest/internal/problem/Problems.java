package io.armature.rest.internal.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem responses. */
public final class Problems {
    private Problems() {}

    public static Response response(
            int status, String detail, String instance, List<Problem.FieldError> errors) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
        Problem problem =
                new Problem(
                        "about:blank",
                        title,
                        status,
                        detail,
                        instance,
                        errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
