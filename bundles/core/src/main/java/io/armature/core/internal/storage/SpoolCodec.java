package io.armature.core.internal.storage;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The on-disk form of a spooled batch: magic, format version, sample count, the samples, and a
 * CRC32 of everything before it, so a torn or damaged file is recognised instead of replayed.
 */
final class SpoolCodec {
    private static final int MAGIC = 0x41524d53; // "ARMS"
    private static final int VERSION = 2;

    private SpoolCodec() {}

    /** A batch as spooled, with the id it keeps on every retry. */
    record Entry(java.util.UUID id, SampleBatch batch) {}

    static byte[] encode(java.util.UUID id, SampleBatch batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + batch.size() * 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
            out.writeInt(batch.size());
            for (Sample sample : batch.samples()) {
                out.writeUTF(sample.tenant());
                out.writeUTF(sample.device());
                out.writeUTF(sample.metric());
                out.writeLong(sample.time().getEpochSecond());
                out.writeInt(sample.time().getNano());
                out.writeDouble(sample.value());
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return bytes.toByteArray();
    }

    static Entry decode(byte[] data) throws IOException {
        if (data.length < 20) {
            throw new IOException("spool segment too short (" + data.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 8);
        long expected =
                new DataInputStream(new ByteArrayInputStream(data, data.length - 8, 8)).readLong();
        if (crc.getValue() != expected) {
            throw new IOException("spool segment checksum mismatch");
        }
        DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 8));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a spool segment of format " + VERSION);
        }
        java.util.UUID id = new java.util.UUID(in.readLong(), in.readLong());
        int count = in.readInt();
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(
                    new Sample(
                            in.readUTF(),
                            in.readUTF(),
                            in.readUTF(),
                            Instant.ofEpochSecond(in.readLong(), in.readInt()),
                            in.readDouble()));
        }
        return new Entry(id, new SampleBatch(samples));
    }
}
