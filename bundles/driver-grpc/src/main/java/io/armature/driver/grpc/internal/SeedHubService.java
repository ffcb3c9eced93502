package io.armature.driver.grpc.internal;

import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.device.UnknownDevicePolicy;
import io.armature.api.driver.DriverContext;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.security.Caller;
import io.armature.api.security.Role;
import io.armature.driver.grpc.internal.seed.DeviceStatus;
import io.armature.driver.grpc.internal.seed.HubGrpc;
import io.armature.driver.grpc.internal.seed.NumericScalarValues;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The seed's {@code Hub} service. A stream of values is written to ingest in batches while it is
 * read (blocking the stream while ingest pushes back); when the device ends it, the answer is
 * {@code Empty}, or {@code INVALID_ARGUMENT} naming how many values were refused and why — the
 * valid ones are stored either way. A status report is a sign of life of the device.
 */
final class SeedHubService extends HubGrpc.HubImplBase {
    static final String NOT_PERMITTED = "not_permitted";

    private final DriverContext context;
    private final Supplier<DeviceRegistry> registry;
    private final MetricDescriber describer;
    private final int batchSamples;

    SeedHubService(
            DriverContext context,
            Supplier<DeviceRegistry> registry,
            MetricDescriber describer,
            int batchSamples) {
        this.context = context;
        this.registry = registry;
        this.describer = describer;
        this.batchSamples = batchSamples;
    }

    static Instant time(Timestamp timestamp, boolean present) {
        return present
                ? Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos())
                : Instant.now();
    }

    @Override
    public StreamObserver<NumericScalarValues> sendNumericScalarValues(
            StreamObserver<Empty> response) {
        Optional<Caller> caller = TokenInterceptor.CALLER.get();
        SampleWriter writer = new SampleWriter(context);
        return new StreamObserver<>() {
            private final List<Sample> buffer = new ArrayList<>();
            private final Map<String, String[]> metadata = new LinkedHashMap<>();
            private final Map<String, Long> refused = new TreeMap<>();
            private String firstProblem;
            private long received;
            private boolean done;

            @Override
            public void onNext(NumericScalarValues value) {
                received++;
                String tenant = value.getTenantIdentifier();
                String device = value.getDeviceIdentifier();
                if (caller.isPresent() && !caller.get().permits(Role.INGEST, tenant, device)) {
                    refuse(
                            NOT_PERMITTED,
                            "the token may not send data of " + tenant + "/" + device);
                    context.rejected(NOT_PERMITTED, 1);
                    return;
                }
                buffer.add(
                        new Sample(
                                tenant,
                                device,
                                value.getMetricIdentifier(),
                                time(value.getTimestamp(), value.hasTimestamp()),
                                value.getValue()));
                if (!value.getUnit().isEmpty() || !value.getDisplayName().isEmpty()) {
                    metadata.put(
                            tenant + "/" + device + "/" + value.getMetricIdentifier(),
                            new String[] {value.getUnit(), value.getDisplayName()});
                }
                if (buffer.size() >= batchSamples) {
                    flush();
                }
            }

            private void refuse(String reason, String message) {
                refused.merge(reason, 1L, Long::sum);
                if (firstProblem == null) {
                    firstProblem = message;
                }
            }

            private void flush() {
                if (buffer.isEmpty()) {
                    return;
                }
                try {
                    SampleWriter.Outcome outcome = writer.write(buffer);
                    for (Rejection rejection : outcome.rejections()) {
                        refuse(rejection.reason(), rejection.message());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    refuse("stopping", "the hub is stopping");
                }
                buffer.clear();
                describer.describe(metadata);
                metadata.clear();
            }

            @Override
            public void onError(Throwable t) {
                // the device went away mid-stream: what it sent is valid data all the same
                flush();
                done = true;
            }

            @Override
            public void onCompleted() {
                flush();
                if (done) {
                    return;
                }
                done = true;
                if (refused.isEmpty()) {
                    response.onNext(Empty.getDefaultInstance());
                    response.onCompleted();
                } else {
                    long count = refused.values().stream().mapToLong(Long::longValue).sum();
                    response.onError(
                            Status.INVALID_ARGUMENT
                                    .withDescription(
                                            count
                                                    + " of "
                                                    + received
                                                    + " values refused "
                                                    + refused
                                                    + ", the others stored; first: "
                                                    + firstProblem)
                                    .asRuntimeException());
                }
            }
        };
    }

    @Override
    public void sendDeviceStatus(DeviceStatus status, StreamObserver<Empty> response) {
        String tenant = status.getTenantIdentifier();
        String device = status.getDeviceIdentifier();
        Optional<Caller> caller = TokenInterceptor.CALLER.get();
        if (caller.isPresent() && !caller.get().permits(Role.INGEST, tenant, device)) {
            response.onError(
                    Status.PERMISSION_DENIED
                            .withDescription(
                                    "the token may not report for " + tenant + "/" + device)
                            .asRuntimeException());
            return;
        }
        DeviceRegistry devices = registry.get();
        if (devices == null) {
            response.onError(
                    Status.UNAVAILABLE
                            .withDescription("the device registry is not running")
                            .asRuntimeException());
            return;
        }
        try {
            if (devices.device(tenant, device).isEmpty()) {
                boolean autoRegister =
                        devices.tenant(tenant)
                                .map(
                                        t ->
                                                t.unknownDevicePolicy()
                                                        == UnknownDevicePolicy.AUTO_REGISTER)
                                .orElse(false);
                if (!autoRegister) {
                    String why =
                            devices.tenant(tenant).isEmpty()
                                    ? "no tenant '" + tenant + "'"
                                    : "no device '"
                                            + device
                                            + "' in tenant '"
                                            + tenant
                                            + "' (and the tenant does not register devices"
                                            + " automatically)";
                    response.onError(Status.NOT_FOUND.withDescription(why).asRuntimeException());
                    return;
                }
                devices.register(new Device(tenant, device, null, null, null, null, null, null));
            }
            devices.heartbeat(tenant, device);
            context.owns(tenant, device);
        } catch (IllegalArgumentException e) {
            response.onError(
                    Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }
}
