package io.armature.rest.internal.problem;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/** Thrown by resources to answer with a problem document that lists field errors. */
public final class ProblemException extends WebApplicationException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem.FieldError> errors;

    public ProblemException(int status, String detail, List<Problem.FieldError> errors) {
        super(detail, status);
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String detail) {
        this(status, detail, List.of());
    }

    private ProblemException(String detail, jakarta.ws.rs.core.Response response) {
        super(detail, response);
        this.errors = List.of();
    }

    /**
     * 503 with a {@code Retry-After} header: the client should try again after that many seconds.
     */
    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(
                detail,
                jakarta.ws.rs.core.Response.status(503)
                        .header("Retry-After", retryAfterSeconds)
                        .build());
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
