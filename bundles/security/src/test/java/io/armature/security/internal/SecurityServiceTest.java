package io.armature.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.security.Authenticator;
import io.armature.api.security.Caller;
import io.armature.api.security.Grant;
import io.armature.api.security.Role;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityServiceTest {
    @TempDir Path data;
    private SecurityService service;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static SecurityConfig config() {
        return new SecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecurityConfig.class;
            }

            @Override
            public double requestsPerSecond() {
                return 500;
            }

            @Override
            public double requestBurst() {
                return 1000;
            }

            @Override
            public int sessionIdleMinutes() {
                return 30;
            }

            @Override
            public int sessionMaxHours() {
                return 12;
            }

            @Override
            public int loginFailuresPerUser() {
                return 3;
            }

            @Override
            public int loginFailuresPerSource() {
                return 20;
            }

            @Override
            public int minPasswordLength() {
                return 12;
            }
        };
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.deactivate();
        }
    }

    @Test
    void theFirstStartCreatesAnAdminWhoseSecretsOnlyThisUserCanRead() throws Exception {
        MovableClock clock = new MovableClock();
        service = new SecurityService(data, config(), clock, "http://127.0.0.1:8080");
        Path password = data.resolve("secrets/admin.password");
        Path token = data.resolve("secrets/admin.token");
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        assertTrue(Files.readString(password).length() >= 20, "random, not a known default");
        Caller admin = service.authenticateToken(Files.readString(token)).orElseThrow();
        assertTrue(admin.isGlobal(Role.ADMIN));
        assertTrue(
                service.authenticatePassword("admin", Files.readString(password), "127.0.0.1")
                        .isPresent());

        service.deactivate();
        service = new SecurityService(data, config(), clock, "http://127.0.0.1:8080");
        assertEquals(1, service.users().size(), "created once");
        assertEquals(
                Files.readString(token), Files.readString(data.resolve("secrets/admin.token")));
    }

    @Test
    void aTokenEndsAtItsExpiryAtRevocationAndWithItsOwnersRole() throws Exception {
        MovableClock clock = new MovableClock();
        service = new SecurityService(data, config(), clock, "http://127.0.0.1:8080");
        service.createUser("otto", "otto-password-1", List.of(Grant.tenant(Role.OPERATOR, "acme")));
        SecurityService.Issued issued =
                service.createToken(
                        "otto",
                        "t",
                        List.of(Grant.tenant(Role.OPERATOR, "acme")),
                        clock.now.plusSeconds(60));
        assertTrue(service.authenticateToken(issued.secret()).isPresent());
        assertTrue(service.lastUsed(issued.token().id()).isPresent(), "use recorded");
        clock.now = clock.now.plus(Duration.ofSeconds(60));
        assertTrue(service.authenticateToken(issued.secret()).isEmpty(), "expired");

        SecurityService.Issued other =
                service.createToken(
                        "otto", "u", List.of(Grant.tenant(Role.OPERATOR, "acme")), null);
        service.updateUser("otto", null, List.of(Grant.tenant(Role.VIEWER, "acme")), null);
        assertEquals(
                List.of(),
                service.authenticateToken(other.secret()).orElseThrow().grants(),
                "no wider than its owner now");
        service.updateUser("otto", null, null, true);
        assertTrue(service.authenticateToken(other.secret()).isEmpty(), "owner disabled");
        service.updateUser("otto", null, null, false);
        assertTrue(service.revokeToken(other.token().id()));
        assertTrue(service.authenticateToken(other.secret()).isEmpty(), "revoked");
        assertTrue(service.authenticateToken("arm_garbage").isEmpty());
        assertTrue(service.authenticateToken("not even a token").isEmpty());
    }

    @Test
    void wrongPasswordsAreThrottledAndAPasswordChangeEndsSessions() throws Exception {
        MovableClock clock = new MovableClock();
        service = new SecurityService(data, config(), clock, "http://127.0.0.1:8080");
        service.createUser("sam", "sam-password-12", List.of(Grant.global(Role.VIEWER)));
        Caller sam =
                service.authenticatePassword("sam", "sam-password-12", "10.0.0.1").orElseThrow();
        Sessions.Session session = service.openSession(sam);
        assertTrue(service.session(session.id()).isPresent());
        service.updateUser("sam", "sam-password-13", null, null);
        assertTrue(service.session(session.id()).isEmpty(), "ended by the password change");

        for (int i = 0; i < 3; i++) {
            assertFalse(service.authenticatePassword("sam", "wrong", "10.0.0.1").isPresent());
        }
        Authenticator.ThrottledException refused =
                assertThrows(
                        Authenticator.ThrottledException.class,
                        () -> service.authenticatePassword("sam", "sam-password-13", "10.0.0.1"));
        assertTrue(refused.retryAfterSeconds() >= 1);
        clock.now = clock.now.plusSeconds(5);
        assertTrue(service.authenticatePassword("sam", "sam-password-13", "10.0.0.1").isPresent());
    }
}
