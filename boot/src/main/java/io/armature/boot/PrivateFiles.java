package io.armature.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Files and directories only the runtime's own user may read (0600 / 0700 where the file system is
 * POSIX): the secrets under {@code data/secrets/}, the credential store, the audit log.
 */
public final class PrivateFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {}

    /** Creates the directory (and its parents) and makes it 0700. */
    public static void createDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Makes the file 0600. */
    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Writes a small secret file (0600) in a private directory, replacing it atomically. */
    public static void write(Path file, String content) throws IOException {
        createDirectory(file.getParent());
        DurableFiles.writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
        restrict(file);
    }

    /**
     * Writes {@code bytes} new random bytes, base64url without padding, as a private file (a
     * password, a key) and returns them as written.
     */
    public static String writeNewSecret(Path file, int bytes) throws IOException {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        write(file, secret);
        return secret;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
