package io.armature.boot;

import java.nio.file.Path;

/**
 * A bundle entry of a feature: its Maven id and the start level it runs at.
 *
 * @param mavenId {@code group:artifact:version} or {@code group:artifact:type[:classifier]:version}
 * @param startOrder OSGi start level; libraries 1, framework services 2, Armature 3, plugins 4
 */
public record BundleRef(String mavenId, int startOrder) {
    public static final int DEFAULT_START_ORDER = 4;

    public BundleRef {
        String[] parts = mavenId.split(":");
        if (parts.length < 3 || parts.length > 5) {
            throw new IllegalArgumentException(
                    "bundle id '"
                            + mavenId
                            + "' is not group:artifact[:type[:classifier]]:version");
        }
    }

    /** Where the bundle lives in a Maven-layout repository rooted at {@code repository}. */
    public Path pathIn(Path repository) {
        String[] parts = mavenId.split(":");
        String group = parts[0];
        String artifact = parts[1];
        String version = parts[parts.length - 1];
        String type = parts.length >= 4 ? parts[2] : "jar";
        String classifier = parts.length == 5 ? "-" + parts[3] : "";
        return repository
                .resolve(group.replace('.', '/'))
                .resolve(artifact)
                .resolve(version)
                .resolve(artifact + "-" + version + classifier + "." + type);
    }
}
