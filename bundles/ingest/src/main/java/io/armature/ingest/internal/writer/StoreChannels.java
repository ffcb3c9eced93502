package io.armature.ingest.internal.writer;

import io.armature.api.sample.SampleBatch;
import io.armature.api.storage.TimeSeriesStore;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage backends the writer delivers to, each a {@link StoreChannel} with its spool under
 * {@code spoolRoot}, keyed by its spool directory's name: backends known from an earlier run's
 * spool directories, and those registered now. A backend that leaves keeps its channel (and is
 * spooled for, up to the quota). Spooled batches are replayed at most once a second, by one writer
 * thread at a time. Thread-safe.
 */
final class StoreChannels {
    private static final Logger LOG = LoggerFactory.getLogger(StoreChannels.class);
    private static final long REPLAY_INTERVAL_MS = 1_000;

    private final Path spoolRoot;
    private final Map<String, StoreChannel> channels = new ConcurrentHashMap<>();
    private volatile long quotaBytes;
    private final AtomicBoolean replaying = new AtomicBoolean();
    private volatile long nextReplay;
    private final AtomicLong replayRounds = new AtomicLong();

    /** Adopts the spool directories an earlier run left, before any backend registers. */
    StoreChannels(Path spoolRoot, long quotaBytes) {
        this.spoolRoot = spoolRoot;
        this.quotaBytes = quotaBytes;
        if (!Files.isDirectory(spoolRoot)) {
            return;
        }
        try (var directories = Files.list(spoolRoot)) {
            directories
                    .filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .forEach(
                            dir -> {
                                String key = dir.getFileName().toString();
                                channels.putIfAbsent(key, new StoreChannel(storeIdOf(key), dir));
                            });
        } catch (IOException e) {
            LOG.error("cannot read spool directory {}: {}", spoolRoot, e.toString());
        }
    }

    /** A backend registered: its spool (if any) is replayed, then it is written directly. */
    void attach(TimeSeriesStore store) {
        String key = directoryName(store.id());
        StoreChannel known = channels.get(key);
        if (known != null && !known.isAttached()) {
            known.attach(store);
        } else {
            channels.put(key, new StoreChannel(store, spoolRoot.resolve(key)));
        }
        nextReplay = 0;
    }

    /** A backend left: its channel stays and spools until it is back. */
    void detach(TimeSeriesStore store) {
        StoreChannel channel = channels.get(directoryName(store.id()));
        if (channel != null) {
            channel.detach();
        }
    }

    boolean isEmpty() {
        return channels.isEmpty();
    }

    /** True while some backend's spool is at the quota. */
    boolean anyAtQuota() {
        for (StoreChannel channel : channels.values()) {
            if (channel.spooledBytes() >= quotaBytes) {
                return true;
            }
        }
        return false;
    }

    void quota(long bytes) {
        this.quotaBytes = bytes;
    }

    long quotaBytes() {
        return quotaBytes;
    }

    /**
     * Stores or spools the batch for every backend; false when one could do neither, or when there
     * is no backend at all to keep it for.
     */
    boolean deliver(SampleBatch batch, UUID id) {
        boolean all = !channels.isEmpty();
        for (StoreChannel channel : channels.values()) {
            try {
                channel.deliver(batch, id);
            } catch (IOException | RuntimeException e) {
                all = false;
                // the writer thread must survive anything one channel does
                LOG.error(
                        "could not spool {} samples for {}: {}",
                        batch.size(),
                        channel.storeId(),
                        e.toString(),
                        e);
            }
        }
        return all;
    }

    /** Replays spooled batches, oldest first, if a round is due and no other thread is in one. */
    void replayIfDue() {
        long now = System.currentTimeMillis();
        if (now < nextReplay || !replaying.compareAndSet(false, true)) {
            return;
        }
        try {
            nextReplay = now + REPLAY_INTERVAL_MS;
            replayRounds.incrementAndGet();
            for (StoreChannel channel : channels.values()) {
                if (channel.hasBacklog()) {
                    try {
                        channel.replay();
                    } catch (IOException | RuntimeException e) {
                        LOG.error(
                                "spool replay for {} failed: {}",
                                channel.storeId(),
                                e.toString(),
                                e);
                    }
                }
            }
        } finally {
            replaying.set(false);
        }
    }

    /** Replay rounds begun since start (tests wait for rounds instead of sleeping). */
    long replayRounds() {
        return replayRounds.get();
    }

    /** Spool figures per backend id. */
    Map<String, Spool.Stats> stats() {
        Map<String, Spool.Stats> result = new TreeMap<>();
        channels.values().forEach(c -> result.put(c.storeId(), c.stats()));
        return result;
    }

    /**
     * The spool directory of a backend: its id with every byte outside {@code [A-Za-z0-9_.-]}
     * written as {@code %XX}, so that two ids never share a directory and the id can be read back.
     */
    static String directoryName(String storeId) {
        StringBuilder name = new StringBuilder();
        for (byte b : storeId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || (c == '.' && name.length() > 0)) {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return name.toString();
    }

    /** The backend id a spool directory belongs to (see {@link #directoryName}). */
    static String storeIdOf(String directoryName) {
        try {
            return URLDecoder.decode(directoryName.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return directoryName; // not written by directoryName: take it as it is
        }
    }
}
