package io.armature.security.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files and directories only the runtime's own user may read (0600 / 0700 where POSIX). */
public final class PrivateFiles {
    private PrivateFiles() {}

    public static void createDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Writes a small secret file (0600) in a private directory, replacing it atomically. */
    public static void write(Path file, String content) throws IOException {
        createDirectory(file.getParent());
        io.armature.boot.DurableFiles.writeAtomically(
                file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        restrict(file);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
