package io.armature.tools.device;

import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import io.armature.driver.grpc.internal.seed.DeviceStatus;
import io.armature.driver.grpc.internal.seed.HubGrpc;
import io.armature.driver.grpc.internal.v1.BatchAck;
import io.armature.driver.grpc.internal.v1.Command;
import io.armature.driver.grpc.internal.v1.CommandAnswer;
import io.armature.driver.grpc.internal.v1.CommandSubscription;
import io.armature.driver.grpc.internal.v1.DeviceHubGrpc;
import io.armature.driver.grpc.internal.v1.Sample;
import io.armature.driver.grpc.internal.v1.SampleBatch;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * The device's side of the hub: one {@code StreamSamples} stream with a bounded number of batches
 * in flight (each acknowledgement frees one), heartbeats with the seed's {@code SendDeviceStatus},
 * and its command stream ({@code ReceiveCommands}, answered with {@code AnswerCommand}).
 */
final class HubClient implements AutoCloseable {
    private static final int IN_FLIGHT = 32;

    private final ManagedChannel channel;
    private final String tenant;
    private final String device;
    private final DeviceHubGrpc.DeviceHubStub hub;
    private final HubGrpc.HubBlockingStub seed;
    private final DeviceHubGrpc.DeviceHubBlockingStub answers;
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    private final Map<Long, Integer> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final Map<String, Long> rejectedByReason = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private StreamObserver<SampleBatch> stream;
    private volatile boolean closing;

    HubClient(String target, boolean tls, String token, String tenant, String device) {
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(target);
        if (!tls) {
            builder.usePlaintext();
        }
        this.channel = builder.build();
        this.tenant = tenant;
        this.device = device;
        Metadata headers = new Metadata();
        if (token != null && !token.isBlank()) {
            headers.put(
                    Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                    "Bearer " + token);
        }
        var auth = MetadataUtils.newAttachHeadersInterceptor(headers);
        this.hub = DeviceHubGrpc.newStub(channel).withInterceptors(auth);
        this.seed = HubGrpc.newBlockingStub(channel).withInterceptors(auth);
        this.answers = DeviceHubGrpc.newBlockingStub(channel).withInterceptors(auth);
    }

    /** Opens the sample stream. */
    void open() {
        stream =
                hub.streamSamples(
                        new StreamObserver<>() {
                            @Override
                            public void onNext(BatchAck ack) {
                                Integer size = inFlight.remove(ack.getSequence());
                                accepted.addAndGet(ack.getAccepted());
                                rejected.addAndGet(ack.getRejected());
                                ack.getRejectionsList()
                                        .forEach(
                                                r ->
                                                        rejectedByReason.merge(
                                                                r.getReason(), 1L, Long::sum));
                                if (size != null) {
                                    window.release();
                                }
                            }

                            @Override
                            public void onError(Throwable t) {
                                failure.set(t);
                                window.release(IN_FLIGHT);
                            }

                            @Override
                            public void onCompleted() {}
                        });
    }

    /** Sends one batch; blocks while {@value #IN_FLIGHT} batches wait for their acknowledgement. */
    synchronized void send(List<io.armature.api.sample.Sample> samples)
            throws InterruptedException {
        if (samples.isEmpty()) {
            return;
        }
        window.acquire();
        throwIfFailed();
        long seq = sequence.incrementAndGet();
        SampleBatch.Builder batch = SampleBatch.newBuilder().setSequence(seq).setTenant(tenant);
        for (io.armature.api.sample.Sample s : samples) {
            batch.addSamples(
                    Sample.newBuilder()
                            .setDevice(s.device())
                            .setMetric(s.metric())
                            .setTimeUnixMicros(
                                    s.time().getEpochSecond() * 1_000_000
                                            + s.time().getNano() / 1_000)
                            .setValue(s.value()));
        }
        inFlight.put(seq, samples.size());
        stream.onNext(batch.build());
        sent.addAndGet(samples.size());
    }

    /** Waits for every acknowledgement, then closes the stream. */
    void finish(long timeoutSeconds) throws InterruptedException {
        if (!window.tryAcquire(IN_FLIGHT, timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    inFlight.size() + " batches unacknowledged after " + timeoutSeconds + " s");
        }
        throwIfFailed();
        stream.onCompleted();
    }

    private void throwIfFailed() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException(
                    "the hub ended the sample stream: " + t.getMessage(), t);
        }
    }

    /** One heartbeat (the seed's device status). */
    void heartbeat() {
        Instant now = Instant.now();
        seed.sendDeviceStatus(
                DeviceStatus.newBuilder()
                        .setTenantIdentifier(tenant)
                        .setDeviceIdentifier(device)
                        .setStatus("online")
                        .setTimestamp(
                                Timestamp.newBuilder()
                                        .setSeconds(now.getEpochSecond())
                                        .setNanos(now.getNano()))
                        .build());
    }

    /**
     * Receives the device's commands; {@code handler} gets the name and the arguments (numbers and
     * strings) and returns the answer, or throws to refuse.
     */
    void receiveCommands(BiConsumer<Command, Map<String, Object>> handler) {
        hub.receiveCommands(
                CommandSubscription.newBuilder().setTenant(tenant).setDevice(device).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(Command command) {
                        Map<String, Object> arguments = new java.util.HashMap<>();
                        for (Map.Entry<String, Value> e :
                                command.getArguments().getFieldsMap().entrySet()) {
                            Value v = e.getValue();
                            arguments.put(
                                    e.getKey(),
                                    v.hasNumberValue()
                                            ? (Object) v.getNumberValue()
                                            : v.getStringValue());
                        }
                        handler.accept(command, arguments);
                    }

                    @Override
                    public void onError(Throwable t) {
                        if (!closing) {
                            System.err.println("command stream ended: " + t.getMessage());
                        }
                    }

                    @Override
                    public void onCompleted() {}
                });
    }

    /** Answers a command. */
    void answer(String id, boolean success, String message) {
        answers.answerCommand(
                CommandAnswer.newBuilder()
                        .setTenant(tenant)
                        .setDevice(device)
                        .setId(id)
                        .setSuccess(success)
                        .setMessage(message)
                        .build());
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        channel.shutdownNow(); // every sample was acknowledged; the command stream ends with it
        channel.awaitTermination(5, TimeUnit.SECONDS);
    }
}
