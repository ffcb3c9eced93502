package io.armature.security.internal.store;

/** Cheap Argon2id hashes for tests. */
final class PasswordHasherTestSupport {
    private PasswordHasherTestSupport() {}

    static String hash(String password) {
        return new PasswordHasher(1024, 1, 1).hash(password);
    }
}
