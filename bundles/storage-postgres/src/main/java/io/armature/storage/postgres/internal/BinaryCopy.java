package io.armature.storage.postgres.internal;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Encodes rows of {@code (series_id int4, time timestamptz, value float8)} in PostgreSQL's binary
 * COPY format: no text formatting or parsing on either side.
 */
final class BinaryCopy {
    private static final byte[] SIGNATURE = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
    };

    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private static final int HEADER = SIGNATURE.length + 8;

    /** Field count, then three length-prefixed fields: int4, int8 (microseconds), float8. */
    static final int ROW = 2 + 4 + 4 + 4 + 8 + 4 + 8;

    private ByteBuffer buffer;

    /** A copy sized for {@code rows} rows (it grows when more are written). */
    BinaryCopy(int rows) {
        buffer = ByteBuffer.allocate(HEADER + rows * ROW + 2); // big-endian, as COPY wants
        buffer.put(SIGNATURE).putInt(0).putInt(0); // flags, header extension length
    }

    void row(int seriesId, Instant time, double value) {
        if (buffer.remaining() < ROW + 2) {
            ByteBuffer larger = ByteBuffer.allocate(buffer.capacity() * 2 + ROW + 2);
            buffer.flip();
            buffer = larger.put(buffer);
        }
        buffer.putShort((short) 3)
                .putInt(4)
                .putInt(seriesId)
                .putInt(8)
                .putLong(micros(time) - PG_EPOCH_MICROS)
                .putInt(8)
                .putDouble(value);
    }

    /** The encoded rows and the trailer; the copy is not to be written to afterwards. */
    byte[] finish() {
        buffer.putShort((short) -1);
        byte[] array = buffer.array();
        return buffer.position() == array.length
                ? array
                : java.util.Arrays.copyOf(array, buffer.position());
    }

    static long micros(Instant time) {
        return Math.addExact(
                Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }
}
