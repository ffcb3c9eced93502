package io.armature.itest.probe.internal;

import io.armature.api.rest.RestResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** A resource contributed by a hot-deployed bundle: {@code /api/v1/probe}. */
@Component(service = ProbeResource.class)
@RestResource
@Path("/api/v1/probe")
@Produces(MediaType.APPLICATION_JSON)
public final class ProbeResource {
    /** A typed request body, to exercise JSON validation of contributed resources. */
    public record Reading(String sensor, double value) {}

    @GET
    @Path("echo/{word}")
    public Map<String, String> echo(@PathParam("word") String word) {
        return Map.of("echo", word);
    }

    @POST
    @Path("readings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Reading doubled(Reading reading) {
        return new Reading(reading.sensor(), reading.value() * 2);
    }
}
