package io.armature.ingest.internal.writer;

import io.armature.api.sample.SampleBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal of the in-memory ingest buffer: every accepted batch is appended before
 * the producer is told it was accepted, so a crash of the JVM (kill -9, out of memory) loses
 * nothing that was acknowledged. The writer thread records which entries it grouped into one
 * storage write (with that write's batch id) and when the write was done (stored or spooled);
 * recovery re-delivers unfinished groups under their original ids (a backend that stored one
 * already skips it) and loose entries as new batches. Segments whose entries are all done are
 * deleted. Records: {@code [int length][byte type][payload][long crc32]}; a torn last record is
 * ignored. Thread-safe.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final byte ENTRY = 1;
    private static final byte GROUP = 2;
    private static final byte DONE = 3;
    private static final long SEGMENT_BYTES = 64L << 20;

    /** Work left by a crashed run, in order. */
    record Recovery(List<Pending> pending) {}

    /** A group of entries to deliver: with its original batch id, or a new one when null. */
    record Pending(UUID id, List<SampleBatch> batches) {}

    private final Path directory;
    private final boolean sync;
    private FileChannel current;
    private Path currentFile;
    private long currentBytes;
    private long nextSeq = 1;
    private long lastInSegment;
    private final Map<Path, Long> lastSeqOf = new LinkedHashMap<>();
    private final java.util.TreeSet<Long> inFlight = new java.util.TreeSet<>();
    private long maxGrouped;

    Journal(Path directory, boolean sync) {
        this.directory = directory;
        this.sync = sync;
    }

    /** Reads what an earlier run left; call before {@link #start()}. */
    Recovery recover() throws IOException {
        Files.createDirectories(directory);
        Map<Long, SampleBatch> entries = new LinkedHashMap<>();
        List<long[]> groups = new ArrayList<>();
        List<UUID> groupIds = new ArrayList<>();
        java.util.Set<Long> done = new java.util.HashSet<>(); // first seq of finished groups
        for (Path file : files()) {
            try (InputStream raw = Files.newInputStream(file);
                    DataInputStream in =
                            new DataInputStream(new java.io.BufferedInputStream(raw))) {
                while (true) {
                    byte[] payload;
                    byte type;
                    try {
                        int length = in.readInt();
                        if (length < 0 || length > 512 << 20) {
                            throw new IOException("implausible record length " + length);
                        }
                        type = in.readByte();
                        payload = in.readNBytes(length);
                        long crc = in.readLong();
                        if (payload.length != length || crc != crc(type, payload)) {
                            throw new IOException("damaged record");
                        }
                    } catch (EOFException end) {
                        break;
                    } catch (IOException torn) {
                        LOG.warn(
                                "journal {}: {} at its end ignored (torn write)",
                                file,
                                torn.getMessage());
                        break;
                    }
                    DataInputStream record =
                            new DataInputStream(new java.io.ByteArrayInputStream(payload));
                    switch (type) {
                        case ENTRY -> {
                            long seq = record.readLong();
                            entries.put(seq, SpoolCodec.decode(record.readAllBytes()).batch());
                        }
                        case GROUP -> {
                            groups.add(new long[] {record.readLong(), record.readLong()});
                            groupIds.add(new UUID(record.readLong(), record.readLong()));
                        }
                        case DONE -> done.add(record.readLong());
                        default -> throw new IOException("unknown journal record type " + type);
                    }
                }
            }
        }
        List<Pending> pending = new ArrayList<>();
        long covered = 0; // entries up to here were taken into a group
        java.util.TreeMap<Long, Integer> byFirst = new java.util.TreeMap<>();
        for (int i = 0; i < groups.size(); i++) {
            byFirst.put(groups.get(i)[0], i);
        }
        for (int i : byFirst.values()) {
            long first = groups.get(i)[0];
            long last = groups.get(i)[1];
            covered = Math.max(covered, last);
            if (done.contains(first)) {
                continue;
            }
            List<SampleBatch> batches = new ArrayList<>();
            for (long seq = first; seq <= last; seq++) {
                SampleBatch batch = entries.get(seq);
                if (batch != null) {
                    batches.add(batch);
                }
            }
            pending.add(new Pending(groupIds.get(i), batches));
        }
        for (Map.Entry<Long, SampleBatch> entry : entries.entrySet()) {
            if (entry.getKey() > covered) {
                pending.add(new Pending(null, List.of(entry.getValue())));
            }
        }
        return new Recovery(pending);
    }

    /**
     * Moves the journal files read by {@link #recover()} into a subdirectory, where {@link
     * #start()} leaves them: for an operator when their delivery failed.
     *
     * @return the subdirectory
     */
    synchronized Path setAside() throws IOException {
        Path aside = directory.resolve("unrecovered-" + System.currentTimeMillis());
        Files.createDirectories(aside);
        for (Path file : files()) {
            Files.move(file, aside.resolve(file.getFileName()));
        }
        return aside;
    }

    /** Deletes what {@link #recover()} read (after it was delivered) and opens a new segment. */
    synchronized void start() throws IOException {
        for (Path file : files()) {
            Files.delete(file);
        }
        nextSeq = 1;
        inFlight.clear();
        maxGrouped = 0;
        roll();
    }

    /**
     * Appends an accepted batch; returns its sequence number.
     *
     * @param encoded the batch as {@link #encode} made it (outside any lock)
     */
    synchronized long append(byte[] encoded) throws IOException {
        long seq = nextSeq++;
        ByteArrayOutputStream payload = new ByteArrayOutputStream(encoded.length + 8);
        new DataOutputStream(payload).writeLong(seq);
        payload.write(encoded);
        write(ENTRY, payload.toByteArray());
        lastInSegment = seq;
        return seq;
    }

    static byte[] encode(SampleBatch batch) {
        return SpoolCodec.encode(new UUID(0, 0), batch);
    }

    /** The writer took entries first..last into one write with this batch id. */
    synchronized void grouped(long first, long last, UUID id) throws IOException {
        inFlight.add(first);
        maxGrouped = Math.max(maxGrouped, last);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(32);
        DataOutputStream out = new DataOutputStream(payload);
        out.writeLong(first);
        out.writeLong(last);
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
        write(GROUP, payload.toByteArray());
    }

    /**
     * The group starting at {@code first} is stored or spooled. Segments whose entries all belong
     * to finished groups are deleted (groups of parallel writers may finish in any order).
     */
    synchronized void done(long first) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(8);
        new DataOutputStream(payload).writeLong(first);
        write(DONE, payload.toByteArray());
        inFlight.remove(first);
        long finished = inFlight.isEmpty() ? maxGrouped : inFlight.first() - 1;
        lastSeqOf
                .entrySet()
                .removeIf(
                        segment -> {
                            if (segment.getValue() <= finished) {
                                try {
                                    Files.deleteIfExists(segment.getKey());
                                } catch (IOException e) {
                                    LOG.warn(
                                            "cannot delete journal segment {}: {}",
                                            segment.getKey(),
                                            e.toString());
                                    return false;
                                }
                                return true;
                            }
                            return false;
                        });
    }

    /** Bytes in the journal now. */
    synchronized long size() {
        long total = currentBytes;
        for (Path file : lastSeqOf.keySet()) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // deleted meanwhile
            }
        }
        return total;
    }

    /** Closes the current segment, keeping the files (for the next start to recover). */
    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    synchronized void deleteAll() throws IOException {
        close();
        for (Path file : files()) {
            Files.delete(file);
        }
        lastSeqOf.clear();
    }

    private void write(byte type, byte[] payload) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(5).putInt(payload.length).put(type).flip();
        ByteBuffer trailer = ByteBuffer.allocate(8).putLong(crc(type, payload)).flip();
        ByteBuffer body = ByteBuffer.wrap(payload);
        ByteBuffer[] record = {header, body, trailer};
        long length = 13L + payload.length;
        long written = 0;
        while (written < length) {
            written += current.write(record);
        }
        if (sync) {
            current.force(false);
        }
        currentBytes += length;
        if (currentBytes > SEGMENT_BYTES) {
            roll();
        }
    }

    private void roll() throws IOException {
        if (current != null) {
            current.close();
            lastSeqOf.put(currentFile, lastInSegment);
        }
        Path file = directory.resolve(String.format("%020d.journal", nextSeq));
        currentFile = file;
        current =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        currentBytes = 0;
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".journal"))
                    .sorted()
                    .toList();
        }
    }

    private static long crc(byte type, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(payload);
        return crc.getValue();
    }
}
