package io.armature.security.internal;

import io.armature.security.internal.store.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions after a password login: a random 256-bit id in an HttpOnly cookie, a CSRF token
 * the page sends back in {@code X-CSRF-Token} on state-changing requests, an idle timeout and an
 * absolute lifetime. Kept in memory: a restart logs browsers out, API tokens are unaffected.
 */
public final class Sessions {
    /** One session; {@code id} is the cookie's value. */
    public record Session(
            String id, String user, String csrfToken, Instant createdAt, Instant lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile Duration idle;
    private volatile Duration lifetime;

    Sessions(Duration idle, Duration lifetime) {
        this.idle = idle;
        this.lifetime = lifetime;
    }

    void limits(Duration idle, Duration lifetime) {
        this.idle = idle;
        this.lifetime = lifetime;
    }

    Session open(String user, Instant now) {
        Session session = new Session(Secrets.random(32), user, Secrets.random(24), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of that id, its idle clock restarted; empty when unknown or expired. */
    Optional<Session> use(String id, Instant now) {
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (now.isAfter(session.lastSeen().plus(idle))
                || now.isAfter(session.createdAt().plus(lifetime))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched =
                new Session(
                        session.id(),
                        session.user(),
                        session.csrfToken(),
                        session.createdAt(),
                        now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    Instant expiresAt(Session session) {
        Instant byIdle = session.lastSeen().plus(idle);
        Instant byLifetime = session.createdAt().plus(lifetime);
        return byIdle.isBefore(byLifetime) ? byIdle : byLifetime;
    }

    void close(String id) {
        sessions.remove(id);
    }

    /** Ends every session of a user (password changed, user disabled or deleted). */
    void closeAll(String user) {
        sessions.values().removeIf(session -> session.user().equals(user));
    }

    /** Drops expired sessions. */
    void sweep(Instant now) {
        sessions.values()
                .removeIf(
                        s ->
                                now.isAfter(s.lastSeen().plus(idle))
                                        || now.isAfter(s.createdAt().plus(lifetime)));
    }
}
