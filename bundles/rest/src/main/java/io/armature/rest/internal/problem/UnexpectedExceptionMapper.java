package io.armature.rest.internal.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line: argument errors become 400, missing items 404, conflicts 409; anything else is a
 * bug, logged with an id and answered as a 500 problem that carries the id but no stack trace.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    @Context private UriInfo uriInfo;

    @Override
    public Response toResponse(Exception exception) {
        String path = "/" + uriInfo.getPath();
        if (exception instanceof IllegalArgumentException) {
            return Problems.response(400, exception.getMessage(), path, null);
        }
        if (exception instanceof NoSuchElementException) {
            return Problems.response(404, exception.getMessage(), path, null);
        }
        if (exception instanceof IllegalStateException) {
            return Problems.response(409, exception.getMessage(), path, null);
        }
        String id = UUID.randomUUID().toString();
        LOG.error("unexpected error {} on {}", id, path, exception);
        return Problems.response(
                500, "internal error " + id + "; details are in the server log", path, null);
    }
}
