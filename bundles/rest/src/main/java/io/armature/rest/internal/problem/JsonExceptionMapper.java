package io.armature.rest.internal.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/** Malformed or mistyped JSON bodies: 400 naming the position and field, never a stack trace. */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Context private UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        String message =
                exception
                        .getOriginalMessage()
                        .replaceAll("\\s*\\(start marker at \\[Source:[^]]*]\\)", "")
                        .replaceAll("\\s*\\[Source:[^]]*]", "");
        StringBuilder detail = new StringBuilder("malformed JSON body: ").append(message);
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail.append(" (at ")
                    .append(
                            mapping.getPath().stream()
                                    .map(
                                            r ->
                                                    r.getFieldName() != null
                                                            ? r.getFieldName()
                                                            : "[" + r.getIndex() + "]")
                                    .collect(Collectors.joining(".")))
                    .append(')');
        }
        JsonLocation location = exception.getLocation();
        if (location != null && location.getLineNr() > 0) {
            detail.append(" at line ")
                    .append(location.getLineNr())
                    .append(", column ")
                    .append(location.getColumnNr());
        }
        return Problems.response(400, detail.toString(), "/" + uriInfo.getPath(), null);
    }
}
