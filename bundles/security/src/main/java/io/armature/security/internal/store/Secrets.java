package io.armature.security.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (API tokens, session ids, passwords) and their stored digests. */
public final class Secrets {
    /** Prefix of every API token, so that leaked tokens can be recognised by secret scanners. */
    public static final String TOKEN_PREFIX = "arm_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** A new API token: the prefix and 256 random bits. */
    public static String newToken() {
        return TOKEN_PREFIX + random(32);
    }

    /** A token id: 64 random bits, hex. */
    public static String newId() {
        byte[] raw = new byte[8];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /**
     * SHA-256 of a token, hex. Tokens carry 256 random bits, so a fast digest is enough to make the
     * stored form useless to a thief (a memory-hard hash is for low-entropy passwords) and keeps
     * authentication off the data path's cost.
     */
    public static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
