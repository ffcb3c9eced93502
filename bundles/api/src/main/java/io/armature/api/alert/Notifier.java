package io.armature.api.alert;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers alert state changes to people or systems (webhook, MQTT publish, e-mail). Register as an
 * OSGi service, one per channel configuration.
 *
 * <p><b>Not yet called by the runtime.</b> Today the core only lists registered notifiers in the
 * plugin registry; no alert reaches them. The alerting work will call them and may reshape this
 * interface when it does. The intended contract: called on a core notification thread, may block
 * for network I/O, and a thrown exception makes the core retry with backoff.
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
