package io.armature.rest.internal.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, served as {@code application/problem+json}.
 *
 * @param type URI of the problem type; {@code about:blank} when the status says it all
 * @param title short summary of the status
 * @param status HTTP status code
 * @param detail explanation of this occurrence, naming the offending input
 * @param instance the request path
 * @param errors per-field or per-item errors, when several things were wrong
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field.
     *
     * @param field field name or JSON pointer
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {}
}
