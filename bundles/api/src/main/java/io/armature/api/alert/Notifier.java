package io.armature.api.alert;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers alert state changes to people or systems (webhook, MQTT publish, e-mail). Register as an
 * OSGi service, one per channel configuration. Called on a core notification thread, may block for
 * network I/O; a thrown exception makes the core retry with backoff.
 */
@ConsumerType
public interface Notifier {
    /** Channel id, unique in the runtime. */
    String id();

    /**
     * Sends one alert state change.
     *
     * @throws Exception when delivery failed; retried with backoff
     */
    void send(Alert alert) throws Exception;
}
