package io.armature.boot;

/**
 * The framework properties the launcher sets and bundles read ({@code BundleContext.getProperty}),
 * each name defined here once.
 */
public final class ArmatureProperties {
    /** The runtime home: {@code bin/}, {@code lib/}, {@code system/}, {@code features/}, …. */
    public static final String HOME = "armature.home";

    /** The data directory (default {@code <home>/data}). */
    public static final String DATA = "armature.data";

    /** The active profile's name. */
    public static final String PROFILE = "armature.profile";

    /** The runtime's version. */
    public static final String VERSION = "armature.version";

    /**
     * The JDBC URL of the embedded PostgreSQL server, set while the launcher runs one (a storage
     * configuration with {@code url=embedded} uses it).
     */
    public static final String EMBEDDED_POSTGRES_URL = "armature.postgres.embedded.url";

    /**
     * The file holding the password of the embedded server's user {@code postgres} (random, created
     * with the cluster), set with {@link #EMBEDDED_POSTGRES_URL}.
     */
    public static final String EMBEDDED_POSTGRES_PASSWORD_FILE =
            "armature.postgres.embedded.password.file";

    /**
     * {@code false} switches authentication and authorisation of the REST API off (every request is
     * served without credentials). Only for measuring what security costs (bench/); the runtime
     * logs a warning on every start with it. Any other value, or none, enforces security.
     */
    public static final String SECURITY_ENFORCE = "armature.security.enforce";

    private ArmatureProperties() {}
}
