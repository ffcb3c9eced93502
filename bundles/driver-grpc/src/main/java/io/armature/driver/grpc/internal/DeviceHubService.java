package io.armature.driver.grpc.internal;

import io.armature.api.driver.DriverContext;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import io.armature.api.security.Caller;
import io.armature.api.security.Role;
import io.armature.driver.grpc.internal.v1.AnswerAck;
import io.armature.driver.grpc.internal.v1.BatchAck;
import io.armature.driver.grpc.internal.v1.Command;
import io.armature.driver.grpc.internal.v1.CommandAnswer;
import io.armature.driver.grpc.internal.v1.CommandSubscription;
import io.armature.driver.grpc.internal.v1.DeviceHubGrpc;
import io.armature.driver.grpc.internal.v1.SampleBatch;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code armature.hub.v1.DeviceHub}: batches are written to ingest one at a time, each answered
 * with its acknowledgement before the next is read (the client's stream is flow-controlled by
 * ingest); command streams and answers go through {@link CommandStreams}.
 */
final class DeviceHubService extends DeviceHubGrpc.DeviceHubImplBase {
    private final DriverContext context;
    private final CommandStreams commands;

    DeviceHubService(DriverContext context, CommandStreams commands) {
        this.context = context;
        this.commands = commands;
    }

    static Instant time(long micros, Instant received) {
        if (micros == 0) {
            return received;
        }
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    @Override
    public StreamObserver<SampleBatch> streamSamples(StreamObserver<BatchAck> response) {
        Optional<Caller> caller = TokenInterceptor.CALLER.get();
        SampleWriter writer = new SampleWriter(context);
        return new StreamObserver<>() {
            @Override
            public void onNext(SampleBatch batch) {
                Instant received = Instant.now();
                String tenant = batch.getTenant();
                List<Sample> samples = new ArrayList<>(batch.getSamplesCount());
                List<Integer> indices = new ArrayList<>(batch.getSamplesCount());
                List<Rejection> rejections = new ArrayList<>();
                for (int i = 0; i < batch.getSamplesCount(); i++) {
                    io.armature.driver.grpc.internal.v1.Sample s = batch.getSamples(i);
                    if (caller.isPresent()
                            && !caller.get().permits(Role.INGEST, tenant, s.getDevice())) {
                        rejections.add(
                                new Rejection(
                                        i,
                                        SeedHubService.NOT_PERMITTED,
                                        "the token may not send data of "
                                                + tenant
                                                + "/"
                                                + s.getDevice()));
                        continue;
                    }
                    samples.add(
                            new Sample(
                                    tenant,
                                    s.getDevice(),
                                    s.getMetric(),
                                    time(s.getTimeUnixMicros(), received),
                                    s.getValue()));
                    indices.add(i);
                }
                if (!rejections.isEmpty()) {
                    context.rejected(SeedHubService.NOT_PERMITTED, rejections.size());
                }
                int accepted;
                try {
                    SampleWriter.Outcome outcome = writer.write(samples);
                    accepted = outcome.accepted();
                    for (Rejection r : outcome.rejections()) {
                        rejections.add(
                                new Rejection(indices.get(r.index()), r.reason(), r.message()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    response.onError(
                            Status.UNAVAILABLE
                                    .withDescription("the hub is stopping")
                                    .asRuntimeException());
                    return;
                }
                rejections.sort(java.util.Comparator.comparingInt(Rejection::index));
                BatchAck.Builder ack =
                        BatchAck.newBuilder()
                                .setSequence(batch.getSequence())
                                .setAccepted(accepted)
                                .setRejected(rejections.size());
                for (Rejection r : rejections) {
                    ack.addRejections(
                            io.armature.driver.grpc.internal.v1.Rejection.newBuilder()
                                    .setIndex(r.index())
                                    .setReason(r.reason())
                                    .setMessage(r.message() == null ? "" : r.message()));
                }
                response.onNext(ack.build());
            }

            @Override
            public void onError(Throwable t) {
                // the client went away; every batch it sent was answered or is lost with it
            }

            @Override
            public void onCompleted() {
                response.onCompleted();
            }
        };
    }

    @Override
    public void receiveCommands(
            CommandSubscription subscription, StreamObserver<Command> response) {
        Optional<Caller> caller = TokenInterceptor.CALLER.get();
        String tenant = subscription.getTenant();
        String device = subscription.getDevice();
        if (tenant.isEmpty() || device.isEmpty()) {
            response.onError(
                    Status.INVALID_ARGUMENT
                            .withDescription("tenant and device are required")
                            .asRuntimeException());
            return;
        }
        if (caller.isPresent() && !caller.get().permits(Role.INGEST, tenant, device)) {
            response.onError(
                    Status.PERMISSION_DENIED
                            .withDescription("the token is not " + tenant + "/" + device + "'s")
                            .asRuntimeException());
            return;
        }
        context.owns(tenant, device);
        commands.open(tenant, device, (ServerCallStreamObserver<Command>) response);
    }

    @Override
    public void answerCommand(CommandAnswer answer, StreamObserver<AnswerAck> response) {
        Optional<Caller> caller = TokenInterceptor.CALLER.get();
        if (caller.isPresent()
                && !caller.get().permits(Role.INGEST, answer.getTenant(), answer.getDevice())) {
            response.onError(
                    Status.PERMISSION_DENIED
                            .withDescription("the token is not this device's")
                            .asRuntimeException());
            return;
        }
        boolean known =
                commands.answer(
                        answer.getTenant(),
                        answer.getDevice(),
                        answer.getId(),
                        answer.getSuccess(),
                        answer.getMessage());
        response.onNext(AnswerAck.newBuilder().setKnown(known).build());
        response.onCompleted();
    }
}
