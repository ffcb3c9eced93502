package io.armature.ingest.internal.feed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record log behind the durable sample feed: segment files named by their first
 * record number, records {@code [int length][long number][long acceptedMillis][long cumulative
 * samples][int samples][payload][long crc32]}. Numbers continue across restarts (a torn last record
 * is cut off); the log has an id of its own, new whenever its directory is created. Segments are
 * deleted when every consumer has passed them ({@link #retainAfter}) or, oldest first, when the log
 * exceeds its quota. Appends are serialised; readers ({@link FeedReader}) run concurrently up to
 * {@link #lastNumber()}.
 */
final class FeedLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedLog.class);
    static final int HEADER = 4 + 8 + 8 + 8 + 4;
    private static final long SEGMENT_BYTES = 16L << 20;

    /** A segment: its file, numbers, samples before its first record and its size. */
    static final class Segment {
        final Path file;
        final long first;
        final long samplesBefore;
        volatile long last; // Long.MAX_VALUE while it is the one written to
        volatile long bytes;

        Segment(Path file, long first, long samplesBefore) {
            this.file = file;
            this.first = first;
            this.samplesBefore = samplesBefore;
            this.last = Long.MAX_VALUE;
        }
    }

    private final Path directory;
    private final boolean sync;
    private final String id;
    private volatile long quotaBytes;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private FileChannel current;
    private Segment currentSegment;
    private volatile long lastNumber;
    private volatile long cumulativeSamples;
    private long droppedSamples;

    FeedLog(Path directory, boolean sync, long quotaBytes) throws IOException {
        this.directory = directory;
        this.sync = sync;
        this.quotaBytes = quotaBytes;
        Files.createDirectories(directory);
        this.id = readOrCreateId(directory.resolve("feed.id"));
        open();
    }

    private static String readOrCreateId(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String created = UUID.randomUUID().toString();
        Files.writeString(file, created + "\n");
        return created;
    }

    /** Scans the segments a previous run left: numbers and sizes; a torn tail is cut off. */
    private void open() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files =
                    list.filter(f -> f.getFileName().toString().endsWith(".feed"))
                            .sorted()
                            .toList();
        }
        for (Path file : files) {
            long first = Long.parseLong(file.getFileName().toString().replace(".feed", ""));
            long[] scanned = scan(file);
            if (scanned[0] == 0) {
                Files.delete(file);
                continue;
            }
            Segment known = new Segment(file, first, scanned[3]);
            known.last = scanned[0];
            known.bytes = scanned[1];
            segments.put(first, known);
            lastNumber = scanned[0];
            cumulativeSamples = scanned[2];
        }
        roll();
    }

    /**
     * {last number, valid bytes, cumulative samples after the last record, cumulative samples
     * before the first}.
     */
    private static long[] scan(Path file) throws IOException {
        long last = 0;
        long valid = 0;
        long cumulative = 0;
        long before = -1;
        try (FeedReader.RecordStream in = new FeedReader.RecordStream(file, 0)) {
            FeedReader.RawRecord record;
            while ((record = in.next()) != null) {
                if (before < 0) {
                    before = record.cumulative() - record.samples();
                }
                last = record.number();
                cumulative = record.cumulative();
                valid = in.offset();
            }
        } catch (IOException torn) {
            LOG.warn("sample feed {}: {} at its end cut off (torn write)", file, torn.getMessage());
        }
        if (valid > 0 && valid < Files.size(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(valid);
            }
        }
        return new long[] {last, valid, cumulative, Math.max(0, before)};
    }

    String id() {
        return id;
    }

    /** Number of the newest record, 0 when none was ever written. */
    long lastNumber() {
        return lastNumber;
    }

    /** Samples appended since the log was created. */
    long cumulativeSamples() {
        return cumulativeSamples;
    }

    /** Number of the oldest record kept. */
    long firstNumber() {
        Map.Entry<Long, Segment> first = segments.firstEntry();
        return first == null ? lastNumber + 1 : first.getValue().first;
    }

    /** The segment holding record {@code number}, null when it is not kept. */
    Segment segmentOf(long number) {
        Map.Entry<Long, Segment> floor = segments.floorEntry(number);
        if (floor == null || number > floor.getValue().last || number > lastNumber) {
            return null;
        }
        return floor.getValue();
    }

    /** Appends a record; readers waiting in {@link #awaitAfter} are woken. */
    synchronized long append(byte[] payload, int samples, long acceptedMillis) throws IOException {
        long number = lastNumber + 1;
        long cumulative = cumulativeSamples + samples;
        ByteBuffer header =
                ByteBuffer.allocate(HEADER)
                        .putInt(payload.length)
                        .putLong(number)
                        .putLong(acceptedMillis)
                        .putLong(cumulative)
                        .putInt(samples)
                        .flip();
        ByteBuffer trailer = ByteBuffer.allocate(8).putLong(crc(header, payload)).flip();
        ByteBuffer[] record = {header, ByteBuffer.wrap(payload), trailer};
        long length = HEADER + payload.length + 8L;
        long written = 0;
        while (written < length) {
            written += current.write(record);
        }
        if (sync) {
            current.force(false);
        }
        currentSegment.bytes += length;
        cumulativeSamples = cumulative;
        lastNumber = number;
        notifyAll();
        if (currentSegment.bytes > SEGMENT_BYTES) {
            roll();
        }
        return number;
    }

    static long crc(ByteBuffer header, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(header.array(), 0, HEADER);
        crc.update(payload);
        return crc.getValue();
    }

    /** Waits until a record after {@code number} exists or the time is up. */
    synchronized void awaitAfter(long number, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        long left;
        while (lastNumber <= number && (left = deadline - System.currentTimeMillis()) > 0) {
            wait(left);
        }
    }

    /**
     * Deletes the closed segments whose records are all at or before {@code passed}, then the
     * oldest closed segments while the log is over its quota.
     *
     * @return samples dropped for the quota by this call
     */
    synchronized long retainAfter(long passed) {
        for (Segment segment : segments.values()) {
            if (segment == currentSegment || segment.last > passed) {
                break;
            }
            delete(segment);
        }
        return enforceQuota();
    }

    private long enforceQuota() {
        long dropped = 0;
        while (bytes() > quotaBytes) {
            Segment oldest = segments.firstEntry().getValue();
            if (oldest == currentSegment) {
                break;
            }
            Segment next = segments.higherEntry(oldest.first).getValue();
            dropped += next.samplesBefore - oldest.samplesBefore;
            LOG.warn(
                    "sample feed over its quota of {} MB: records {}..{} dropped",
                    quotaBytes >> 20,
                    oldest.first,
                    oldest.last);
            delete(oldest);
        }
        droppedSamples += dropped;
        return dropped;
    }

    private void delete(Segment segment) {
        try {
            Files.deleteIfExists(segment.file);
            segments.remove(segment.first);
        } catch (IOException e) {
            LOG.warn("cannot delete feed segment {}: {}", segment.file, e.toString());
        }
    }

    void quota(long bytes) {
        this.quotaBytes = bytes;
    }

    /** Bytes in the log now. */
    long bytes() {
        return segments.values().stream().mapToLong(s -> s.bytes).sum();
    }

    private void roll() throws IOException {
        if (current != null) {
            current.close();
            currentSegment.last = lastNumber;
            if (currentSegment.bytes == 0) {
                delete(currentSegment);
            }
        }
        long first = lastNumber + 1;
        Path file = directory.resolve(String.format("%020d.feed", first));
        current =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        currentSegment = new Segment(file, first, cumulativeSamples);
        segments.put(first, currentSegment);
        enforceQuota();
    }

    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
