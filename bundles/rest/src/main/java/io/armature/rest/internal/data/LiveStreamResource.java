package io.armature.rest.internal.data;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.rest.RestResource;
import io.armature.api.sample.SampleBatch;
import io.armature.api.sample.SampleListener;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/tenants/{tenant}/devices/{device}/stream}: the device's samples as they are
 * accepted, as server-sent events ({@code text/event-stream}) — what the console's live charts
 * draw. Fed by the live stream ({@link SampleListener}), so it is best-effort and node-local: it
 * shows what this node accepts, and the stored series remains the record.
 */
@Component(
        name = "io.armature.rest.stream",
        service = {LiveStreamResource.class, SampleListener.class})
@RestResource
@Path("/api/v1/tenants/{tenant}/devices/{device}/stream")
@RequiresRole(Role.VIEWER)
public final class LiveStreamResource implements SampleListener {
    private final DeviceRegistry registry;
    private final LiveStreams streams = new LiveStreams();

    @Activate
    public LiveStreamResource(@Reference DeviceRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @PathParam("tenant") String tenant,
            @PathParam("device") String device,
            @QueryParam("metric") List<String> metrics,
            @Context SseEventSink sink,
            @Context Sse sse) {
        PathIdentifiers.requireDevice(registry, tenant, device);
        Set<String> wanted = new LinkedHashSet<>();
        for (String metric : metrics) {
            PathIdentifiers.require("metric", metric);
            wanted.add(metric);
        }
        streams.open(tenant, device, wanted, sink, sse);
    }

    @Override
    public void onSamples(SampleBatch batch) {
        streams.offer(batch);
    }

    @Deactivate
    void deactivate() {
        streams.close();
    }
}
