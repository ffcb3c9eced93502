package io.armature.security.internal.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1); // small: a unit test

    @Test
    void aHashVerifiesItsPasswordOnly() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), hash);
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapler", hash));
        assertNotEquals(hash, hasher.hash("correct horse battery staple"), "salted");
    }

    @Test
    void aHashCarriesItsParametersSoTheyCanBeRaised() {
        String weak = hasher.hash("pw-1234567890");
        assertTrue(PasswordHasher.standard().verify("pw-1234567890", weak));
        assertTrue(PasswordHasher.standard().hash("x").contains("m=19456,t=2,p=1"));
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String bad :
                new String[] {
                    "",
                    "plain",
                    "$argon2i$v=19$m=1,t=1,p=1$AA$AA",
                    "$argon2id$v=19$m=x,t=1,p=1$AA$AA",
                    "$argon2id$v=19$m=1024,t=1,p=1$!!$AA"
                }) {
            assertFalse(hasher.verify("anything", bad), bad);
        }
    }
}
