package io.armature.ingest.internal.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SpoolCodecTest {
    private static SampleBatch mixed() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            samples.add(
                    new Sample(
                            i % 7 == 0 ? "beta" : "acme",
                            "press-" + (i % 13),
                            "m" + (i % 3),
                            Instant.ofEpochSecond(1_700_000_000L + i, i * 1_000L),
                            i * 0.25 - 100));
        }
        return new SampleBatch(samples);
    }

    @Test
    void aBatchComesBackExactlyWithItsIdAndIsCompact() throws IOException {
        UUID id = UUID.randomUUID();
        SampleBatch batch = mixed();
        byte[] encoded = SpoolCodec.encode(id, batch);
        SpoolCodec.Entry decoded = SpoolCodec.decode(encoded);
        assertEquals(id, decoded.id());
        assertEquals(batch.samples(), decoded.batch().samples());
        // 24 bytes per sample, each of the 13 x 3 x 2 series named once at most
        assertEquals(true, encoded.length < 1_000 * 24 + 80 * 30 + 64, "bytes: " + encoded.length);
    }

    @Test
    void truncatedOrDamagedDataIsRecognised() {
        byte[] encoded = SpoolCodec.encode(UUID.randomUUID(), mixed());
        assertThrows(
                IOException.class,
                () -> SpoolCodec.decode(Arrays.copyOf(encoded, encoded.length - 100)));
        encoded[encoded.length / 2] ^= 0x10;
        assertThrows(IOException.class, () -> SpoolCodec.decode(encoded));
    }

    @Test
    void spoolFilesOfFormat2AreStillRead() throws IOException {
        UUID id = UUID.randomUUID();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x41524d53);
        out.writeInt(2);
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
        out.writeInt(1);
        out.writeUTF("acme");
        out.writeUTF("press-1");
        out.writeUTF("force");
        out.writeLong(1_700_000_000L);
        out.writeInt(5);
        out.writeDouble(1.5);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        SpoolCodec.Entry entry = SpoolCodec.decode(bytes.toByteArray());
        assertEquals(id, entry.id());
        assertEquals(
                List.of(
                        new Sample(
                                "acme",
                                "press-1",
                                "force",
                                Instant.ofEpochSecond(1_700_000_000L, 5),
                                1.5)),
                entry.batch().samples());
    }
}
