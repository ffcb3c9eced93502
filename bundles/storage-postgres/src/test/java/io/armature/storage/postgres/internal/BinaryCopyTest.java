package io.armature.storage.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BinaryCopyTest {
    @Test
    void rowsFollowTheCopyBinaryLayoutAndTheBufferGrowsBeyondItsEstimate() {
        BinaryCopy copy = new BinaryCopy(1);
        copy.row(7, Instant.parse("2000-01-01T00:00:01.000002Z"), 21.5);
        copy.row(8, Instant.parse("1999-12-31T23:59:59Z"), -1);
        copy.row(9, Instant.parse("2026-12-01T00:00:00Z"), 0.25);
        ByteBuffer bytes = ByteBuffer.wrap(copy.finish());

        assertEquals(11 + 8 + 3 * BinaryCopy.ROW + 2, bytes.remaining());
        byte[] signature = new byte[11];
        bytes.get(signature);
        assertEquals(
                "PGCOPY\n\u00ff\r\n\0",
                new String(signature, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(0, bytes.getInt());
        assertEquals(0, bytes.getInt());
        long[] micros = {1_000_002L, -1_000_000L, 849_398_400_000_000L};
        double[] values = {21.5, -1, 0.25};
        for (int row = 0; row < 3; row++) {
            assertEquals(3, bytes.getShort());
            assertEquals(4, bytes.getInt());
            assertEquals(7 + row, bytes.getInt());
            assertEquals(8, bytes.getInt());
            assertEquals(micros[row], bytes.getLong(), "microseconds since 2000-01-01");
            assertEquals(8, bytes.getInt());
            assertEquals(values[row], bytes.getDouble());
        }
        assertEquals(-1, bytes.getShort());
        assertEquals(0, bytes.remaining());
    }
}
