package io.armature.driver.grpc.internal;

import com.google.protobuf.Timestamp;
import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.DeviceCommand;
import io.armature.driver.grpc.internal.v1.Command;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command streams devices hold open ({@code ReceiveCommands}), one per device: a command is
 * sent on the device's stream at once, or, while the device has none, waits for it until its
 * deadline; the device's {@code AnswerCommand} ends it.
 */
final class CommandStreams {
    private final Map<String, ServerCallStreamObserver<Command>> streams =
            new ConcurrentHashMap<>();
    private final Map<String, Deque<Waiting>> queued = new ConcurrentHashMap<>();
    private final Map<String, Waiting> awaitingAnswer = new ConcurrentHashMap<>();

    private record Waiting(DeviceCommand command, CommandCallback callback) {}

    private static String key(String tenant, String device) {
        return tenant + "/" + device;
    }

    /** A device opened its stream (replacing an older one): queued commands go out now. */
    void open(String tenant, String device, ServerCallStreamObserver<Command> stream) {
        String key = key(tenant, device);
        ServerCallStreamObserver<Command> old = streams.put(key, stream);
        if (old != null && old != stream) {
            synchronized (old) {
                old.onCompleted();
            }
        }
        stream.setOnCancelHandler(() -> streams.remove(key, stream));
        Deque<Waiting> waiting = queued.remove(key);
        if (waiting != null) {
            waiting.forEach(w -> send(w, stream));
        }
    }

    void deliver(DeviceCommand command, CommandCallback callback) {
        Waiting waiting = new Waiting(command, callback);
        String key = key(command.tenant(), command.device());
        ServerCallStreamObserver<Command> stream = streams.get(key);
        if (stream == null) {
            Instant now = Instant.now();
            Deque<Waiting> queue = queued.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (queue) {
                queue.removeIf(w -> w.command.deadline().isBefore(now));
                queue.addLast(waiting);
            }
            return; // pending until the device opens its command stream
        }
        send(waiting, stream);
    }

    private void send(Waiting waiting, ServerCallStreamObserver<Command> stream) {
        DeviceCommand command = waiting.command;
        if (command.deadline().isBefore(Instant.now())) {
            return; // the core has timed it out already
        }
        Command message =
                Command.newBuilder()
                        .setId(command.id())
                        .setName(command.name())
                        .setArguments(Structs.of(command.arguments()))
                        .setDeadline(
                                Timestamp.newBuilder()
                                        .setSeconds(command.deadline().getEpochSecond())
                                        .setNanos(command.deadline().getNano()))
                        .build();
        awaitingAnswer.values().removeIf(w -> w.command.deadline().isBefore(Instant.now()));
        awaitingAnswer.put(command.id(), waiting);
        try {
            synchronized (stream) {
                stream.onNext(message);
            }
            waiting.callback.delivered("sent on the device's command stream", true);
        } catch (RuntimeException e) {
            awaitingAnswer.remove(command.id());
            waiting.callback.failed("the command stream broke: " + e.getMessage());
        }
    }

    /** A device's answer; false when nothing waits for it. */
    boolean answer(String tenant, String device, String id, boolean success, String message) {
        Waiting waiting = awaitingAnswer.get(id);
        if (waiting == null
                || !waiting.command.tenant().equals(tenant)
                || !waiting.command.device().equals(device)) {
            return false;
        }
        awaitingAnswer.remove(id);
        if (success) {
            waiting.callback.succeeded(message.isEmpty() ? null : message);
        } else {
            waiting.callback.failed(message.isEmpty() ? "device reported failure" : message);
        }
        return true;
    }

    /** Ends every stream (the hub stops). */
    void closeAll() {
        streams.values()
                .forEach(
                        s -> {
                            synchronized (s) {
                                try {
                                    s.onCompleted();
                                } catch (RuntimeException e) {
                                    // already gone
                                }
                            }
                        });
        streams.clear();
    }
}
