package io.armature.storage.postgres.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;

    BinaryCopy(int rows) {
        bytes = new ByteArrayOutputStream(19 + rows * 30 + 2);
        out = new DataOutputStream(bytes);
        try {
            out.write(SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void row(int seriesId, Instant time, double value) {
        try {
            out.writeShort(3);
            out.writeInt(4);
            out.writeInt(seriesId);
            out.writeInt(8);
            out.writeLong(micros(time) - PG_EPOCH_MICROS);
            out.writeInt(8);
            out.writeDouble(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] finish() {
        try {
            out.writeShort(-1);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static long micros(Instant time) {
        return Math.addExact(
                Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }
}
