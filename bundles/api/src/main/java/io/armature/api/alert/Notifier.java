package io.armature.api.alert;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers alert changes to people or systems (webhook, MQTT publish, e-mail). Register as an OSGi
 * service, one per channel configuration.
 *
 * <p><b>Not yet called by the runtime.</b> The alert engine raises, updates and clears alerts
 * today; routing changes to notifiers is the next step of the alerting work and may still reshape
 * this interface. The intended contract: called on a notification thread of the engine with a group
 * of changes (one notification for many alerts that changed together), may block for network I/O,
 * and a thrown exception makes the engine retry with backoff.
 */
@ConsumerType
public interface Notifier {
    /** Channel id, unique in the runtime. */
    String id();

    /**
     * Sends a group of alert changes.
     *
     * @throws Exception when delivery failed; retried with backoff
     */
    void send(List<AlertChange> changes) throws Exception;
}
