package io.armature.alerts.internal.rest;

import io.armature.api.rest.RestResource;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert store's database failing answers 503 with a problem body and {@code Retry-After}, not a
 * 500 with a stack trace.
 */
@Component(name = "io.armature.alerts.rest.sql", service = SqlExceptionMapper.class)
@RestResource
public final class SqlExceptionMapper implements ExceptionMapper<SQLException> {
    private static final Logger LOG = LoggerFactory.getLogger(SqlExceptionMapper.class);

    @Override
    public Response toResponse(SQLException exception) {
        LOG.warn("alert store: {}", exception.toString());
        return Response.fromResponse(
                        Problems.response(
                                503,
                                "the alert store's database is unavailable ("
                                        + exception.getMessage()
                                        + "); try again",
                                null))
                .header("Retry-After", "5")
                .build();
    }
}
