package io.armature.driver.mqtt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.DeviceCommand;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commands out and their answers in: a command is published (QoS 1) as {@code {"id", "name",
 * "arguments", "deadline"}} on the command topic; with a reply topic configured the device answers
 * {@code {"id", "success", "message"}} there and the command ends with that answer, otherwise it
 * ends as delivered once the broker took it.
 */
final class CommandChannel {
    private final String commandTopic;
    private final Subscription replies;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(CommandCallback callback, Instant deadline) {}

    CommandChannel(String commandTopic, String replyTopic) {
        this.commandTopic = commandTopic;
        this.replies =
                replyTopic == null || replyTopic.isBlank()
                        ? null
                        : Subscription.parse(
                                replyTopic.replace("{command}", "+") + " json tenant=-", 1);
    }

    /** The filter to subscribe to for answers, if any. */
    List<String> replyFilters() {
        return replies == null ? List.of() : List.of(replies.filter);
    }

    String topic(DeviceCommand command) {
        return commandTopic
                .replace("{tenant}", command.tenant())
                .replace("{device}", command.device())
                .replace("{command}", command.name());
    }

    byte[] body(DeviceCommand command) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", command.id());
        body.put("name", command.name());
        body.set("arguments", Json.MAPPER.valueToTree(command.arguments()));
        body.put("deadline", command.deadline().toString());
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "arguments cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Called once the broker took the command. */
    void delivered(DeviceCommand command, CommandCallback callback) {
        Instant now = Instant.now();
        pending.values().removeIf(p -> p.deadline.isBefore(now));
        if (replies != null) {
            pending.put(command.id(), new Pending(callback, command.deadline()));
        }
        callback.delivered("published on " + topic(command), replies != null);
    }

    /** True when the topic is a reply topic (then the message was consumed here). */
    boolean accept(String topic, byte[] payload) {
        if (replies == null) {
            return false;
        }
        Optional<Map<String, String>> match = replies.match(topic);
        if (match.isEmpty()) {
            return false;
        }
        try {
            JsonNode reply = Json.parse(payload);
            Pending waiting = pending.remove(reply.path("id").asText(""));
            if (waiting != null) {
                String message =
                        reply.path("message").isMissingNode()
                                ? null
                                : reply.path("message").asText();
                if (reply.path("success").asBoolean(false)) {
                    waiting.callback.succeeded(message);
                } else {
                    waiting.callback.failed(message == null ? "device reported failure" : message);
                }
            }
        } catch (IOException e) {
            // not an answer we can read: nothing waits for it
        }
        return true;
    }
}
