package io.armature.ingest.internal.feed;

import io.armature.api.sample.FeedBatch;
import io.armature.api.sample.Sample;
import io.armature.ingest.internal.writer.SpoolCodec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the feed in order for one consumer, from the record after a given number, joining
 * consecutive records into batches of about {@code maxSamples}. Never reads past {@link
 * FeedLog#lastNumber()} as it was when a read began, so it only sees whole records. When the
 * records it needs next were dropped for the quota it skips to the oldest kept one and counts the
 * samples it missed. Not thread-safe: one per delivery thread.
 */
final class FeedReader implements AutoCloseable {
    /** One record as stored. */
    record RawRecord(
            long number, long acceptedMillis, long cumulative, int samples, byte[] payload) {}

    /** Sequential records of one segment file. */
    static final class RecordStream implements AutoCloseable {
        private final FileChannel channel;
        private final DataInputStream in;
        private long offset;

        RecordStream(Path file, long offset) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            this.in =
                    new DataInputStream(
                            new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            this.offset = offset;
        }

        /** The next record, null at the end of what is written; damaged data throws. */
        RawRecord next() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException end) {
                return null;
            }
            if (length < 0 || length > 512 << 20) {
                throw new IOException("implausible record length " + length);
            }
            ByteBuffer header = ByteBuffer.allocate(FeedLog.HEADER).putInt(length);
            byte[] rest = new byte[FeedLog.HEADER - 4];
            in.readFully(rest);
            header.put(rest).flip();
            header.getInt();
            long number = header.getLong();
            long accepted = header.getLong();
            long cumulative = header.getLong();
            int samples = header.getInt();
            byte[] payload = new byte[length];
            in.readFully(payload);
            long crc = in.readLong();
            if (crc != FeedLog.crc(header, payload)) {
                throw new IOException("damaged record " + number);
            }
            offset += FeedLog.HEADER + length + 8L;
            return new RawRecord(number, accepted, cumulative, samples, payload);
        }

        long offset() {
            return offset;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private final FeedLog log;
    private long passed;
    private long passedCumulative;
    private long missedSamples;
    private FeedLog.Segment segment;
    private RecordStream stream;

    /**
     * @param passed the number of the last record the consumer has passed
     * @param passedCumulative the feed's cumulative sample count after that record
     */
    FeedReader(FeedLog log, long passed, long passedCumulative) {
        this.log = log;
        this.passed = passed;
        this.passedCumulative = passedCumulative;
    }

    /** The next records after the last one read, up to about {@code maxSamples}; null if none. */
    FeedBatch read(int maxSamples) throws IOException {
        long until = log.lastNumber();
        List<Sample> samples = new ArrayList<>();
        long first = passed + 1;
        long acceptedMillis = 0;
        while (passed < until && samples.size() < maxSamples) {
            RawRecord record = nextRecord();
            if (record == null) {
                break;
            }
            if (samples.isEmpty()) {
                first = record.number();
            }
            samples.addAll(SpoolCodec.decode(record.payload()).batch().samples());
            passed = record.number();
            passedCumulative = record.cumulative();
            acceptedMillis = record.acceptedMillis();
        }
        if (samples.isEmpty() && passed < first) {
            return null;
        }
        return new FeedBatch(
                log.id(), first, passed, samples, Instant.ofEpochMilli(acceptedMillis));
    }

    private RawRecord nextRecord() throws IOException {
        long next = passed + 1;
        if (segment == null || next > segment.last) {
            closeStream();
            segment = log.segmentOf(next);
            if (segment == null) {
                long oldest = log.firstNumber();
                if (next >= oldest) {
                    return null; // not written yet
                }
                skipTo(oldest);
                return nextRecord();
            }
            stream = new RecordStream(segment.file, 0);
        }
        RawRecord record;
        while ((record = stream.next()) != null && record.number() < next) {
            // skipping records passed before this reader started
        }
        if (record == null) {
            closeStream();
            segment = null;
        }
        return record;
    }

    /** Records before {@code oldest} were dropped for the quota: counted, then skipped. */
    private void skipTo(long oldest) {
        FeedLog.Segment kept = log.segmentOf(oldest);
        long keptBefore = kept == null ? log.cumulativeSamples() : kept.samplesBefore;
        missedSamples += Math.max(0, keptBefore - passedCumulative);
        passedCumulative = keptBefore;
        passed = oldest - 1;
    }

    long passed() {
        return passed;
    }

    long passedCumulative() {
        return passedCumulative;
    }

    long missedSamples() {
        return missedSamples;
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
