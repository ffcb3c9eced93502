package io.armature.security.internal;

import io.armature.api.security.Authenticator;
import io.armature.api.security.Caller;
import io.armature.api.security.Grant;
import io.armature.api.security.Role;
import io.armature.boot.RuntimeHome;
import io.armature.security.internal.store.CredentialStore;
import io.armature.security.internal.store.CredentialStore.Token;
import io.armature.security.internal.store.CredentialStore.User;
import io.armature.security.internal.store.PasswordHasher;
import io.armature.security.internal.store.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, API tokens and browser sessions: the {@link Authenticator} of the runtime. Users and
 * tokens live in {@code data/security/credentials.json}; on a first start (no users) an {@code
 * admin} user and token are created and handed over through {@code data/secrets/}.
 */
@Component(
        name = SecurityService.PID,
        service = {Authenticator.class, SecurityService.class},
        immediate = true)
@Designate(ocd = SecurityConfig.class)
public final class SecurityService implements Authenticator {
    public static final String PID = "io.armature.security";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityService.class);

    /** A token as issued: the stored record and the token itself, shown only this once. */
    public record Issued(Token token, String secret) {}

    private final CredentialStore store;
    private final PasswordHasher hasher = PasswordHasher.standard();

    /** Argon2id takes 19 MiB per hash: at most two at once, whatever a login flood does. */
    private final Semaphore hashing = new Semaphore(2);

    /** Verified for unknown user names, so that they cost the same hash as known ones. */
    private volatile String dummyHash;

    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final RateLimiter rateLimiter;
    private final ScheduledExecutorService housekeeping =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "armature-security"));
    private final Clock clock;
    private volatile int minPasswordLength;

    @Activate
    public SecurityService(BundleContext context, SecurityConfig config) throws IOException {
        this(
                RuntimeHome.of(context::getProperty).data(),
                config,
                Clock.systemUTC(),
                "http://127.0.0.1:"
                        + Optional.ofNullable(context.getProperty("org.osgi.service.http.port"))
                                .orElse("8080"));
    }

    SecurityService(Path data, SecurityConfig config, Clock clock, String baseUrl)
            throws IOException {
        this.clock = clock;
        this.store = CredentialStore.open(data.resolve("security/credentials.json"));
        this.sessions =
                new Sessions(
                        Duration.ofMinutes(config.sessionIdleMinutes()),
                        Duration.ofHours(config.sessionMaxHours()));
        this.throttle =
                new LoginThrottle(config.loginFailuresPerUser(), config.loginFailuresPerSource());
        this.rateLimiter = new RateLimiter(config.requestsPerSecond(), config.requestBurst());
        this.minPasswordLength = config.minPasswordLength();
        if (store.users().isEmpty()) {
            String password = Secrets.random(18);
            createUser(FirstStart.ADMIN, password, List.of(Grant.global(Role.ADMIN)));
            Issued token =
                    createToken(
                            FirstStart.ADMIN,
                            "initial admin token",
                            List.of(Grant.global(Role.ADMIN)),
                            null);
            FirstStart.announce(
                    data.resolve("secrets"), password, token.secret(), baseUrl, System.out);
            LOG.info("first start: created user 'admin' and its token (see data/secrets)");
        }
        housekeeping.scheduleWithFixedDelay(this::housekeeping, 1, 1, TimeUnit.MINUTES);
    }

    @Modified
    void modified(SecurityConfig config) {
        sessions.limits(
                Duration.ofMinutes(config.sessionIdleMinutes()),
                Duration.ofHours(config.sessionMaxHours()));
        throttle.limits(config.loginFailuresPerUser(), config.loginFailuresPerSource());
        rateLimiter.limits(config.requestsPerSecond(), config.requestBurst());
        minPasswordLength = config.minPasswordLength();
    }

    @Deactivate
    void deactivate() {
        housekeeping.shutdownNow();
        store.flushLastUsed();
    }

    private void housekeeping() {
        try {
            Instant now = clock.instant();
            sessions.sweep(now);
            throttle.sweep(now);
            store.flushLastUsed();
        } catch (RuntimeException e) {
            LOG.warn("security housekeeping failed: {}", e.toString());
        }
    }

    // --- authentication ---------------------------------------------------------------------

    @Override
    public Optional<Caller> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(Secrets.TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<Token> found = store.tokenByDigest(Secrets.digest(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Token token = found.get();
        Instant now = clock.instant();
        if (token.expiresAt() != null && !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        Optional<User> owner = store.user(token.owner());
        if (owner.isEmpty() || owner.get().disabled()) {
            return Optional.empty();
        }
        store.touch(token.id(), now);
        return Optional.of(new Caller(token.owner(), token.id(), effective(token, owner.get())));
    }

    /** A token's grants that its owner still holds (an owner's lost role leaves their tokens). */
    private static List<Grant> effective(Token token, User owner) {
        List<Grant> grants = new ArrayList<>();
        for (Grant grant : token.grants()) {
            if (owner.grants().stream().anyMatch(grant::isWithin)) {
                grants.add(grant);
            }
        }
        return grants;
    }

    @Override
    public Optional<Caller> authenticatePassword(String name, String password, String source)
            throws ThrottledException {
        Instant now = clock.instant();
        Optional<Long> wait = throttle.refusal(name, source, now);
        if (wait.isPresent()) {
            throw new ThrottledException(
                    "too many failed logins for this user or from this address", wait.get());
        }
        Optional<User> user = store.user(name);
        if (!matches(user, password) || user.get().disabled()) {
            throttle.failed(name, source, now);
            return Optional.empty();
        }
        throttle.succeeded(name);
        return Optional.of(new Caller(name, null, user.get().grants()));
    }

    /** The caller of a live browser session and the session, when the id is one. */
    public Optional<SessionCaller> session(String id) {
        Optional<Sessions.Session> session = sessions.use(id, clock.instant());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = store.user(session.get().user());
        if (user.isEmpty() || user.get().disabled()) {
            sessions.close(id);
            return Optional.empty();
        }
        return Optional.of(
                new SessionCaller(
                        new Caller(user.get().name(), null, user.get().grants()), session.get()));
    }

    /** A session's caller and the session (for its CSRF token). */
    public record SessionCaller(Caller caller, Sessions.Session session) {}

    public Sessions.Session openSession(Caller caller) {
        return sessions.open(caller.user(), clock.instant());
    }

    public Instant sessionExpiry(Sessions.Session session) {
        return sessions.expiresAt(session);
    }

    public void closeSession(String id) {
        sessions.close(id);
    }

    /** 0 when the caller may send one more request now, else the seconds to wait. */
    public long rateLimit(String callerKey) {
        return rateLimiter.acquire(callerKey, System.nanoTime());
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(Secrets.random(16)); // first unknown name, not at every boot
            dummyHash = hash;
        }
        return hash;
    }

    // --- users ---------------------------------------------------------------------------------

    public int minPasswordLength() {
        return minPasswordLength;
    }

    public List<User> users() {
        return store.users().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<User> user(String name) {
        return store.user(name);
    }

    public User createUser(String name, String password, List<Grant> grants) {
        Instant now = clock.instant();
        User user = new User(name, hash(password), grants, false, now, now);
        store.putUser(user);
        return user;
    }

    /** Changes what is given (null: unchanged); a new password or disabling ends the sessions. */
    public User updateUser(String name, String password, List<Grant> grants, Boolean disabled) {
        User old = store.user(name).orElseThrow();
        Instant now = clock.instant();
        User updated =
                new User(
                        name,
                        password == null ? old.passwordHash() : hash(password),
                        grants == null ? old.grants() : grants,
                        disabled == null ? old.disabled() : disabled,
                        old.createdAt(),
                        password == null ? old.passwordChangedAt() : now);
        store.putUser(updated);
        if (password != null || Boolean.TRUE.equals(disabled)) {
            sessions.closeAll(name);
        }
        return updated;
    }

    public boolean verifyPassword(String name, String password) {
        return matches(store.user(name), password);
    }

    /**
     * True when the user exists and the password is theirs. An unknown user costs the same hash as
     * a known one: timing does not tell them apart.
     */
    private boolean matches(Optional<User> user, String password) {
        hashing.acquireUninterruptibly();
        try {
            return hasher.verify(password, user.map(User::passwordHash).orElseGet(this::dummyHash))
                    && user.isPresent();
        } finally {
            hashing.release();
        }
    }

    public boolean deleteUser(String name) {
        sessions.closeAll(name);
        return store.removeUser(name);
    }

    private String hash(String password) {
        hashing.acquireUninterruptibly();
        try {
            return hasher.hash(password);
        } finally {
            hashing.release();
        }
    }

    // --- tokens --------------------------------------------------------------------------------

    public List<Token> tokens() {
        return store.tokens().stream()
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
                .toList();
    }

    public Optional<Token> token(String id) {
        return store.token(id);
    }

    public Optional<Instant> lastUsed(String tokenId) {
        return store.lastUsed(tokenId);
    }

    public Issued createToken(String owner, String name, List<Grant> grants, Instant expiresAt) {
        String secret = Secrets.newToken();
        Token token =
                new Token(
                        Secrets.newId(),
                        name,
                        owner,
                        Secrets.digest(secret),
                        grants,
                        clock.instant(),
                        expiresAt);
        store.putToken(token);
        return new Issued(token, secret);
    }

    public boolean revokeToken(String id) {
        return store.removeToken(id);
    }

    public Instant now() {
        return clock.instant();
    }
}
