package io.armature.ingest.internal.writer;

import io.armature.api.sample.SampleBatch;
import io.armature.boot.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches waiting for one storage backend, one file per batch, replayed oldest first. Each file is
 * written to a temporary name, forced to disk and renamed, so after a crash a segment is either
 * complete or absent. A damaged segment is moved aside to {@code corrupt/} and logged, never
 * replayed and never silently deleted. Thread-safe.
 */
final class Spool {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String SUFFIX = ".batch";

    /** A spooled batch and where it lives. */
    record Segment(Path file, java.util.UUID id, SampleBatch batch) {}

    /** Size figures for health and metrics. */
    record Stats(int segments, long samples, long bytes, Instant oldest) {}

    private final Path directory;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private long samples;
    private long bytes;
    private long nextSequence;

    Spool(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).forEach(this::adopt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open spool " + directory, e);
        }
        nextSequence = segments.isEmpty() ? 1 : segments.lastKey() + 1;
        if (!segments.isEmpty()) {
            LOG.info(
                    "spool {} holds {} batches ({} samples) from before; replaying",
                    directory,
                    segments.size(),
                    samples);
        }
    }

    private void adopt(Path file) {
        String name = file.getFileName().toString();
        try {
            long sequence = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            SampleBatch batch = SpoolCodec.decode(Files.readAllBytes(file)).batch();
            segments.put(sequence, file);
            samples += batch.size();
            bytes += Files.size(file);
        } catch (IOException | NumberFormatException e) {
            quarantine(file, e.getMessage());
        }
    }

    synchronized boolean isEmpty() {
        return segments.isEmpty();
    }

    /** Appends a batch durably (written, forced, renamed into place). */
    synchronized void append(java.util.UUID id, SampleBatch batch) throws IOException {
        long sequence = nextSequence++;
        Path file = directory.resolve(String.format("%020d%s", sequence, SUFFIX));
        byte[] data = SpoolCodec.encode(id, batch);
        DurableFiles.writeAtomically(file, data);
        segments.put(sequence, file);
        samples += batch.size();
        bytes += data.length;
    }

    /** The oldest readable segment; damaged ones met on the way are quarantined. */
    synchronized Optional<Segment> oldest() {
        while (!segments.isEmpty()) {
            var first = segments.firstEntry();
            try {
                SpoolCodec.Entry entry = SpoolCodec.decode(Files.readAllBytes(first.getValue()));
                return Optional.of(new Segment(first.getValue(), entry.id(), entry.batch()));
            } catch (IOException e) {
                segments.remove(first.getKey());
                quarantine(first.getValue(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Deletes a segment once its batch is stored. */
    synchronized void remove(Segment segment) throws IOException {
        long size = Files.size(segment.file());
        Files.delete(segment.file());
        segments.values().remove(segment.file());
        samples -= segment.batch().size();
        bytes -= size;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized Stats stats() {
        Instant oldest = null;
        if (!segments.isEmpty()) {
            try {
                oldest = Files.getLastModifiedTime(segments.firstEntry().getValue()).toInstant();
            } catch (IOException e) {
                oldest = null;
            }
        }
        return new Stats(segments.size(), samples, bytes, oldest);
    }

    private void quarantine(Path file, String reason) {
        try {
            Path corrupt = Files.createDirectories(directory.resolve("corrupt"));
            Files.move(
                    file, corrupt.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            LOG.error(
                    "spool segment {} is damaged ({}); moved to {} for inspection",
                    file,
                    reason,
                    corrupt);
        } catch (IOException e) {
            LOG.error(
                    "spool segment {} is damaged ({}) and could not be moved aside: {}",
                    file,
                    reason,
                    e.toString());
        }
    }
}
