package io.armature.driver.mqtt.internal;

import io.armature.api.driver.DriverContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every received message, from the connection's one callback: command answers to the command
 * channel, the rest to the first subscription whose template matches; its samples to the pipeline,
 * what could not be read counted by reason, logged (rate-limited) and, when configured, republished
 * to the dead-letter topic. A bad payload never stops the driver.
 */
final class MessageRouter implements MqttConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);
    static final String NO_SUBSCRIPTION = "no_matching_subscription";

    private final List<Subscription> subscriptions;
    private final List<PayloadDecoder> decoders;
    private final IngestPipeline pipeline;
    private final DriverContext context;
    private final CommandChannel commands;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final WarningLimiter warnings = new WarningLimiter(LOG, 10_000);

    /** Where unreadable payloads go. */
    interface DeadLetters {
        void publish(String sourceTopic, byte[] payload, String reason);
    }

    MessageRouter(
            List<Subscription> subscriptions,
            IngestPipeline pipeline,
            DriverContext context,
            CommandChannel commands,
            DeadLetters deadLetters,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.decoders = subscriptions.stream().map(PayloadDecoder::of).toList();
        this.pipeline = pipeline;
        this.context = context;
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public void message(String topic, byte[] payload, int id, int qos) {
        try {
            route(topic, payload, id, qos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the message stays unacknowledged
        }
    }

    @Override
    public void lost(String reason) {
        context.failed(reason);
    }

    private void route(String topic, byte[] payload, int id, int qos) throws InterruptedException {
        if (commands.accept(topic, payload)) {
            pipeline.offer(new IngestPipeline.Message(id, qos, List.of(), Map.of()));
            return;
        }
        for (int i = 0; i < subscriptions.size(); i++) {
            Optional<Map<String, String>> values = subscriptions.get(i).match(topic);
            if (values.isPresent()) {
                Decoded decoded = decoders.get(i).decode(payload, values.get(), clock.instant());
                report(topic, payload, decoded);
                pipeline.offer(new IngestPipeline.Message(id, qos, decoded.samples, decoded.units));
                return;
            }
        }
        context.rejected(NO_SUBSCRIPTION, 1);
        warnings.warn(
                NO_SUBSCRIPTION,
                "driver {}: no subscription template matches topic {}",
                context.driverId(),
                topic);
        pipeline.offer(new IngestPipeline.Message(id, qos, List.of(), Map.of()));
    }

    private void report(String topic, byte[] payload, Decoded decoded) {
        if (decoded.problems.isEmpty()) {
            return;
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Decoded.Problem problem : decoded.problems) {
            counts.merge(problem.reason(), 1L, Long::sum);
        }
        counts.forEach(context::rejected);
        Decoded.Problem first = decoded.problems.get(0);
        warnings.warn(
                first.reason(),
                "driver {}: {} on topic {}: {}",
                context.driverId(),
                first.reason(),
                topic,
                first.message());
        deadLetters.publish(topic, payload, first.reason());
    }
}
