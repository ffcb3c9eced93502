package io.armature.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks credentials against Armature's users and API tokens. The REST layer uses it for every
 * request; drivers use it for the credentials devices present (an API token as gRPC metadata or as
 * the MQTT password), so that a device has one token whatever protocol it speaks.
 */
@ProviderType
public interface Authenticator {
    /**
     * The caller an API token stands for: empty when it is unknown, revoked, expired or its owner
     * is disabled. Records the token's last use.
     */
    Optional<Caller> authenticateToken(String token);

    /**
     * The caller a user name and password stand for: empty when they do not match. Repeated
     * failures for a user or from a source address are throttled: while throttled, every attempt
     * fails (with {@link ThrottledException}) without checking the password.
     *
     * @param source the client's address, for throttling per source
     * @throws ThrottledException while attempts for that user or source are refused
     */
    Optional<Caller> authenticatePassword(String user, String password, String source)
            throws ThrottledException;

    /** Refused because of repeated failures; try again after {@link #retryAfterSeconds()}. */
    final class ThrottledException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        public ThrottledException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
