package io.armature.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A health check contributed by any bundle; {@code GET /health} runs all registered checks. Must
 * answer within a second (report cached state, do not connect synchronously) and must not throw: an
 * exception is reported as DOWN with its message.
 */
@ConsumerType
public interface HealthCheck {
    /** Check name, unique in the runtime, for example {@code storage.postgres}. */
    String name();

    /** Current state. */
    HealthResult check();
}
