package io.armature.boot;

import java.util.Locale;

/**
 * Which configuration properties hold secrets when no metatype says so (metatype type {@code
 * password} always does): names containing {@code password}, {@code secret}, {@code passphrase} or
 * {@code credential}, whatever the case. Such values are encrypted at rest and masked in REST
 * answers.
 */
public final class SecretKeys {
    /** What the REST API shows instead of a secret; sending it back keeps the stored secret. */
    public static final String MASK = "********";

    private SecretKeys() {}

    public static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password")
                || k.contains("secret")
                || k.contains("passphrase")
                || k.contains("credential");
    }
}
