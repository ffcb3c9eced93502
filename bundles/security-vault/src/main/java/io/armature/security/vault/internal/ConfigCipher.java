package io.armature.security.vault.internal;

import io.armature.boot.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for configuration secrets: a random 96-bit nonce per value, the property's PID and
 * name as associated data (a sealed value copied to another property does not open), the key in
 * {@code data/secrets/config.key} (created at the first start, 0600). A sealed value reads {@code
 * {sealed:v1}<base64 nonce+ciphertext+tag>}.
 */
final class ConfigCipher {
    static final String PREFIX = "{sealed:v1}";
    static final String KEY_FILE = "config.key";
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private ConfigCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The cipher of a data directory, creating its key on first use. */
    static ConfigCipher of(Path secrets) throws IOException {
        Path file = secrets.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            PrivateFiles.writeNewSecret(file, 32);
        }
        byte[] key;
        try {
            key =
                    Base64.getUrlDecoder()
                            .decode(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a base64url key");
        }
        if (key.length != 32) {
            throw new IOException(file + " does not hold a 256-bit key");
        }
        return new ConfigCipher(key);
    }

    static boolean isSealed(Object value) {
        return value instanceof String s && s.startsWith(PREFIX);
    }

    String seal(String plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(
                                    ByteBuffer.allocate(nonce.length + sealed.length)
                                            .put(nonce)
                                            .put(sealed)
                                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * The plain value of a sealed one.
     *
     * @throws GeneralSecurityException when it was sealed with another key or for another place, or
     *     was altered
     */
    String open(String sealed, String context) throws GeneralSecurityException {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not base64");
        }
        if (raw.length < NONCE_BYTES + 16) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, NONCE_BYTES));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return new String(
                cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }
}
