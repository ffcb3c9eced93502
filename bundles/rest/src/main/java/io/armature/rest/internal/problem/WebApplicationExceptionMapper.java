package io.armature.rest.internal.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/** Renders every JAX-RS error (404, 405, 415, resource-thrown 4xx) as a problem document. */
public final class WebApplicationExceptionMapper
        implements ExceptionMapper<WebApplicationException> {
    @Context private UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (original.hasEntity()
                && original.getMediaType() != null
                && original.getMediaType().toString().startsWith(Problem.MEDIA_TYPE)) {
            return original; // a problem document built by the thrower (a plugin, security)
        }
        String path = "/" + uriInfo.getPath();
        String detail = exception.getMessage();
        if (detail == null || detail.startsWith("HTTP " + status)) {
            if (exception instanceof NotFoundException) {
                detail = "no resource at " + path;
            } else if (exception instanceof NotAllowedException) {
                detail =
                        "method not allowed on "
                                + path
                                + "; allowed: "
                                + original.getAllowedMethods();
            } else {
                detail = original.getStatusInfo().getReasonPhrase();
            }
        }
        List<Problem.FieldError> errors =
                exception instanceof ProblemException p ? p.errors() : List.of();
        Response response = Problems.response(status, detail, path, errors);
        if (original.getHeaderString("Allow") != null
                || original.getHeaderString("Retry-After") != null
                || original.getHeaderString("WWW-Authenticate") != null) {
            Response.ResponseBuilder builder = Response.fromResponse(response);
            copy(original, builder, "Allow");
            copy(original, builder, "Retry-After");
            copy(original, builder, "WWW-Authenticate");
            return builder.build();
        }
        return response;
    }

    private static void copy(Response from, Response.ResponseBuilder to, String header) {
        if (from.getHeaderString(header) != null) {
            to.header(header, from.getHeaderString(header));
        }
    }
}
