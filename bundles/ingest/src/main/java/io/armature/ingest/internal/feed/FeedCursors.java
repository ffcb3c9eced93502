package io.armature.ingest.internal.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each durable consumer is in the feed, one small file per consumer id ({@code <feed id>
 * <record> <cumulative samples>}), replaced atomically. Cursors of consumers that are not
 * registered now are kept: the feed retains what they have not passed, up to its quota.
 */
final class FeedCursors {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCursors.class);

    /** A consumer's place: the last record passed and the feed's sample count after it. */
    record Cursor(long record, long cumulative) {}

    private final Path directory;
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

    /** Loads the cursors of this feed; ones written for another feed id are discarded. */
    FeedCursors(Path directory, String feedId) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".cursor")).toList()) {
                String[] fields = Files.readString(file).strip().split(" ");
                String consumer = file.getFileName().toString().replace(".cursor", "");
                if (fields.length == 3 && fields[0].equals(feedId)) {
                    cursors.put(
                            consumer,
                            new Cursor(Long.parseLong(fields[1]), Long.parseLong(fields[2])));
                } else {
                    LOG.warn("cursor of {} belongs to another feed; it starts anew", consumer);
                    Files.delete(file);
                }
            }
        }
    }

    Cursor get(String consumer) {
        return cursors.get(consumer);
    }

    Map<String, Cursor> all() {
        return Map.copyOf(cursors);
    }

    boolean isEmpty() {
        return cursors.isEmpty();
    }

    void put(String feedId, String consumer, Cursor cursor) throws IOException {
        Path file = directory.resolve(consumer + ".cursor");
        Path temporary = directory.resolve(consumer + ".cursor.tmp");
        Files.writeString(temporary, feedId + " " + cursor.record() + " " + cursor.cumulative());
        Files.move(
                temporary,
                file,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        cursors.put(consumer, cursor);
    }

    /** The smallest record passed by every known consumer; {@code Long.MAX_VALUE} if none. */
    long passedByAll() {
        return cursors.values().stream().mapToLong(Cursor::record).min().orElse(Long.MAX_VALUE);
    }
}
