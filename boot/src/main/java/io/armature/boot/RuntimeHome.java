package io.armature.boot;

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
    /** Reads the properties through a lookup such as {@code BundleContext::getProperty}. */
    public static RuntimeHome of(UnaryOperator<String> properties) {
        String home = properties.apply(ArmatureProperties.HOME);
        if (home == null) {
            throw new IllegalStateException(
                    "framework property " + ArmatureProperties.HOME + " is not set");
        }
        Path homePath = Path.of(home).toAbsolutePath();
        String data = properties.apply(ArmatureProperties.DATA);
        String profile = properties.apply(ArmatureProperties.PROFILE);
        return new RuntimeHome(
                homePath,
                data == null ? homePath.resolve("data") : Path.of(data).toAbsolutePath(),
                profile == null ? "demo" : profile);
    }
}
