package io.armature.security.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.security.Grant;
import io.armature.api.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
    @TempDir Path data;

    @Test
    void usersAndTokensSurviveAReopenAndTheFileHoldsNoUsableCredential() throws Exception {
        Path file = data.resolve("security/credentials.json");
        CredentialStore store = CredentialStore.open(file);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        store.putUser(
                new CredentialStore.User(
                        "alice",
                        PasswordHasherTestSupport.hash("alice-password-1"),
                        List.of(Grant.tenant(Role.OPERATOR, "acme")),
                        false,
                        now,
                        now));
        String secret = Secrets.newToken();
        store.putToken(
                new CredentialStore.Token(
                        "t1",
                        "press",
                        "alice",
                        Secrets.digest(secret),
                        List.of(new Grant(Role.INGEST, "acme", "press-1")),
                        now,
                        now.plusSeconds(3600)));
        store.touch("t1", now.plusSeconds(5));
        store.flushLastUsed();

        String text = Files.readString(file);
        assertFalse(text.contains(secret), "the token itself is never stored");
        assertFalse(text.contains("alice-password-1"));
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        CredentialStore reopened = CredentialStore.open(file);
        assertEquals(
                List.of(Grant.tenant(Role.OPERATOR, "acme")),
                reopened.user("alice").orElseThrow().grants());
        CredentialStore.Token token = reopened.tokenByDigest(Secrets.digest(secret)).orElseThrow();
        assertEquals(new Grant(Role.INGEST, "acme", "press-1"), token.grants().get(0));
        assertEquals(now.plusSeconds(3600), token.expiresAt());
        assertEquals(now.plusSeconds(5), reopened.lastUsed("t1").orElseThrow());

        assertTrue(reopened.removeUser("alice"));
        assertTrue(reopened.token("t1").isEmpty(), "a user's tokens go with them");
        assertTrue(CredentialStore.open(file).tokens().isEmpty());
    }
}
