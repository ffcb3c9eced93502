package io.armature.core.internal.feature;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the runtime lives, from the framework properties the launcher sets: {@code armature.home},
 * {@code armature.data} (default {@code <home>/data}) and {@code armature.profile} (default {@code
 * demo}).
 *
 * @param home runtime home
 * @param data data directory
 * @param profile active profile name
 */
public record RuntimeHome(Path home, Path data, String profile) {
    public static final String HOME = "armature.home";
    public static final String DATA = "armature.data";
    public static final String PROFILE = "armature.profile";

    /** Reads the properties through a lookup such as {@code BundleContext::getProperty}. */
    public static RuntimeHome of(UnaryOperator<String> properties) {
        String home = properties.apply(HOME);
        if (home == null) {
            throw new IllegalStateException("framework property " + HOME + " is not set");
        }
        Path homePath = Path.of(home).toAbsolutePath();
        String data = properties.apply(DATA);
        String profile = properties.apply(PROFILE);
        return new RuntimeHome(
                homePath,
                data == null ? homePath.resolve("data") : Path.of(data).toAbsolutePath(),
                profile == null ? "demo" : profile);
    }
}
