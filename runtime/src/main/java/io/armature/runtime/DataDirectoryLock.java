package io.armature.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code data/.lock}, held for the life of the JVM and released by the
 * operating system when the process dies, however it dies. While a runtime holds it, no second
 * runtime starts on the same data directory; and a runtime that got it knows that whatever else
 * still runs on that directory (an embedded PostgreSQL) was left by a runtime that is gone.
 */
final class DataDirectoryLock {
    private static FileLock held; // reachable for the JVM's life: a collected lock is released

    private DataDirectoryLock() {}

    /** The lock, or null when another live runtime holds it. */
    static synchronized FileLock acquire(Path data) throws IOException {
        if (held != null && held.isValid()) {
            return held;
        }
        FileChannel channel =
                FileChannel.open(
                        data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            channel.close();
        }
        return held;
    }
}
