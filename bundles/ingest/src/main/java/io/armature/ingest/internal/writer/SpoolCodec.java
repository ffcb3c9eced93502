package io.armature.ingest.internal.writer;

import io.armature.api.sample.Sample;
import io.armature.api.sample.SampleBatch;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The on-disk form of a batch (spool files and journal entries): magic, format version, batch id, a
 * dictionary of the batch's series (tenant, device, metric, each once), then per sample the series
 * index, time and value, and a CRC32 of everything before it, so a torn or damaged file is
 * recognised instead of replayed. 24 bytes per sample plus the dictionary; format 2 (ids written
 * per sample) is still read.
 */
public final class SpoolCodec {
    private static final int MAGIC = 0x41524d53; // "ARMS"
    private static final int VERSION = 3;

    private SpoolCodec() {}

    /** A batch as spooled, with the id it keeps on every retry. */
    public record Entry(java.util.UUID id, SampleBatch batch) {}

    private record Series(String tenant, String device, String metric) {}

    public static byte[] encode(java.util.UUID id, SampleBatch batch) {
        Map<Series, Integer> dictionary = new HashMap<>();
        List<byte[][]> names = new ArrayList<>();
        int[] index = new int[batch.size()];
        int dictionaryBytes = 0;
        Series last = null;
        int lastIndex = -1;
        List<Sample> samples = batch.samples();
        for (int i = 0; i < index.length; i++) {
            Sample sample = samples.get(i);
            if (last == null
                    || !last.device().equals(sample.device())
                    || !last.metric().equals(sample.metric())
                    || !last.tenant().equals(sample.tenant())) {
                last = new Series(sample.tenant(), sample.device(), sample.metric());
                Integer known = dictionary.get(last);
                if (known == null) {
                    known = names.size();
                    dictionary.put(last, known);
                    byte[][] utf8 = {
                        sample.tenant().getBytes(StandardCharsets.UTF_8),
                        sample.device().getBytes(StandardCharsets.UTF_8),
                        sample.metric().getBytes(StandardCharsets.UTF_8)
                    };
                    names.add(utf8);
                    dictionaryBytes += 6 + utf8[0].length + utf8[1].length + utf8[2].length;
                }
                lastIndex = known;
            }
            index[i] = lastIndex;
        }
        ByteBuffer out =
                ByteBuffer.allocate(4 + 4 + 16 + 4 + 4 + dictionaryBytes + 24 * index.length + 8);
        out.putInt(MAGIC).putInt(VERSION);
        out.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        out.putInt(index.length).putInt(names.size());
        for (byte[][] series : names) {
            for (byte[] name : series) {
                out.putShort((short) name.length).put(name);
            }
        }
        for (int i = 0; i < index.length; i++) {
            Sample sample = samples.get(i);
            out.putInt(index[i])
                    .putLong(sample.time().getEpochSecond())
                    .putInt(sample.time().getNano())
                    .putDouble(sample.value());
        }
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putLong(crc.getValue());
        return out.array();
    }

    public static Entry decode(byte[] data) throws IOException {
        if (data.length < 20) {
            throw new IOException("spool segment too short (" + data.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 8);
        ByteBuffer in = ByteBuffer.wrap(data, 0, data.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(data, data.length - 8, 8).getLong()) {
            throw new IOException("spool segment checksum mismatch");
        }
        if (in.getInt() != MAGIC) {
            throw new IOException("not a spool segment");
        }
        int version = in.getInt();
        if (version == 2) {
            return decodeVersion2(data);
        }
        if (version != VERSION) {
            throw new IOException("spool segment of unknown format " + version);
        }
        try {
            java.util.UUID id = new java.util.UUID(in.getLong(), in.getLong());
            int count = in.getInt();
            Series[] dictionary = new Series[in.getInt()];
            for (int i = 0; i < dictionary.length; i++) {
                dictionary[i] = new Series(string(in), string(in), string(in));
            }
            List<Sample> samples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Series series = dictionary[in.getInt()];
                samples.add(
                        new Sample(
                                series.tenant(),
                                series.device(),
                                series.metric(),
                                Instant.ofEpochSecond(in.getLong(), in.getInt()),
                                in.getDouble()));
            }
            return new Entry(id, new SampleBatch(samples));
        } catch (BufferUnderflowException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("spool segment truncated or inconsistent");
        }
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getShort()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Format 2: ids written with every sample (modified UTF-8). */
    private static Entry decodeVersion2(byte[] data) throws IOException {
        DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(data, 8, data.length - 16));
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
