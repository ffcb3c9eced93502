package io.armature.ingest.internal.writer;

import static io.armature.ingest.internal.writer.Fixtures.await;
import static io.armature.ingest.internal.writer.Fixtures.awaitTwoReplayRounds;
import static io.armature.ingest.internal.writer.Fixtures.batch;
import static io.armature.ingest.internal.writer.Fixtures.range;
import static io.armature.ingest.internal.writer.Fixtures.values;
import static io.armature.ingest.internal.writer.StorageWriter.Offer.TAKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageWriterTest {
    private static final long GIGABYTE = 1024L * 1024 * 1024;
    @TempDir Path spool;

    @Test
    void aBackendWhoseIdIsNoFileNameIsDetachedWhenItLeaves() throws Exception {
        MemoryStore store = new MemoryStore("influx/eu");
        StorageWriter writer = new StorageWriter(spool, 10_000, 1_000);
        writer.addStore(store);
        assertEquals(TAKEN, writer.offer(batch(0, 10), Duration.ofSeconds(1)));
        await(() -> store.stored.size() == 10);
        writer.removeStore(store);
        assertEquals(TAKEN, writer.offer(batch(10, 10), Duration.ofSeconds(1)));
        await(() -> writer.spools().get("influx/eu").samples() == 10);
        assertEquals(10, store.stored.size(), "no write reaches a backend after it left");
        assertEquals(java.util.Set.of("influx/eu"), writer.spools().keySet());
        writer.deactivate();

        MemoryStore back = new MemoryStore("influx/eu");
        StorageWriter next = new StorageWriter(spool, 10_000, 1_000);
        assertEquals(java.util.Set.of("influx/eu"), next.spools().keySet(), "id read back");
        next.addStore(back);
        await(() -> back.stored.size() == 10);
        assertEquals(java.util.Set.of("influx/eu"), next.spools().keySet());
        next.deactivate();
    }

    @Test
    void spoolDirectoriesOfDifferentIdsNeverCollide() {
        List<String> ids = List.of("influx/eu", "influx_eu", "influx%2Feu", ".journal", "pg~main");
        var names = ids.stream().map(StoreChannels::directoryName).toList();
        assertEquals(ids.size(), new java.util.HashSet<>(names).size(), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith(".") || n.contains("/")));
        assertEquals(ids, names.stream().map(StoreChannels::storeIdOf).toList());
    }

    @Test
    void withNoBackendNothingIsTakenSoNothingAcknowledgedCanVanish() throws Exception {
        StorageWriter writer = new StorageWriter(spool, 10_000, 1_000);
        assertEquals(
                StorageWriter.Offer.NO_BACKEND, writer.offer(batch(0, 10), Duration.ofSeconds(1)));
        assertEquals(0, writer.buffered());
        MemoryStore store = new MemoryStore();
        writer.addStore(store);
        assertEquals(TAKEN, writer.offer(batch(0, 10), Duration.ofSeconds(1)));
        await(() -> store.stored.size() == 10);
        writer.deactivate();
    }

    @Test
    void aBackendAwayForLongIsSpooledForUntilTheQuotaThenNewSamplesAreRefused() throws Exception {
        MemoryStore store = new MemoryStore();
        StorageWriter writer =
                new StorageWriter(spool, 10_000, 1_000, false, 1, 2_000, AcceptedLog.NONE);
        writer.addStore(store);
        writer.removeStore(store); // away, with no time limit on how long it is spooled for
        int offered = 0;
        while (writer.offer(batch(offered, 50), Duration.ofSeconds(1)) == TAKEN) {
            offered += 50;
            int spooledSoFar = offered;
            await(() -> writer.spools().get("memory").samples() == spooledSoFar);
            assertTrue(offered < 10_000, "the quota must stop intake");
        }
        assertTrue(offered > 0);
        assertEquals(
                StorageWriter.Offer.SPOOL_QUOTA_EXCEEDED,
                writer.offer(batch(offered, 50), Duration.ZERO));
        assertTrue(writer.spools().get("memory").bytes() >= 2_000);
        writer.addStore(store); // back: the spool drains and intake resumes
        int total = offered;
        await(() -> store.stored.size() == total);
        assertEquals(range(offered), values(store.stored), "every acknowledged sample stored");
        assertEquals(TAKEN, writer.offer(batch(offered, 50), Duration.ofSeconds(1)));
        writer.deactivate();
    }

    @Test
    void writesEverySampleInOrderMergingSmallBatches() throws Exception {
        MemoryStore store = new MemoryStore();
        StorageWriter writer = new StorageWriter(spool, 100_000, 5_000);
        writer.addStore(store);
        for (int i = 0; i < 10_000; i += 100) {
            assertEquals(TAKEN, writer.offer(batch(i, 100), Duration.ofSeconds(5)));
        }
        await(() -> store.stored.size() == 10_000);
        assertEquals(range(10_000), values(store.stored));
        writer.deactivate();
    }

    @Test
    void spoolsWhileTheBackendIsDownAndReplaysInOrderWithoutDuplicates() throws Exception {
        MemoryStore store = new MemoryStore();
        StorageWriter writer = new StorageWriter(spool, 100_000, 1_000);
        writer.addStore(store);
        writer.offer(batch(0, 500), Duration.ofSeconds(1));
        await(() -> store.stored.size() == 500);
        store.down = true;
        for (int i = 500; i < 5_000; i += 500) {
            writer.offer(batch(i, 500), Duration.ofSeconds(1));
        }
        await(() -> writer.spools().get("memory").samples() == 4_500);
        assertEquals(500, store.stored.size());
        assertTrue(Files.list(spool.resolve("memory")).count() >= 5, "spooled as files");
        store.down = false;
        await(() -> store.stored.size() == 5_000);
        assertEquals(range(5_000), values(store.stored));
        await(() -> writer.spools().get("memory").samples() == 0);
        writer.deactivate();
    }

    @Test
    void aSpoolLeftByAStoppedRuntimeIsReplayedByTheNextOne() throws Exception {
        MemoryStore before = new MemoryStore();
        before.down = true;
        StorageWriter first = new StorageWriter(spool, 100_000, 1_000);
        first.addStore(before);
        for (int i = 0; i < 3_000; i += 300) {
            first.offer(batch(i, 300), Duration.ofSeconds(1));
        }
        first.deactivate(); // drains the buffer into the spool
        assertEquals(0, before.stored.size());

        MemoryStore after = new MemoryStore();
        StorageWriter second = new StorageWriter(spool, 100_000, 1_000);
        second.addStore(after);
        await(() -> after.stored.size() == 3_000);
        assertEquals(range(3_000), values(after.stored));
        second.deactivate();
    }

    @Test
    void aFullBufferRefusesWithinTheWaitAndTakesNothing() throws Exception {
        MemoryStore store = new MemoryStore();
        store.stall = new CountDownLatch(1);
        StorageWriter writer = new StorageWriter(spool, 1_000, 500);
        writer.addStore(store);
        assertEquals(TAKEN, writer.offer(batch(0, 500), Duration.ZERO));
        assertEquals(TAKEN, writer.offer(batch(500, 500), Duration.ZERO));
        assertEquals(
                StorageWriter.Offer.BUFFER_FULL,
                writer.offer(batch(1_000, 1), Duration.ofMillis(50)),
                "buffer full while the store stalls");
        assertEquals(1_000, writer.buffered());
        assertThrows(
                IllegalArgumentException.class, () -> writer.offer(batch(0, 501), Duration.ZERO));
        store.stall.countDown();
        await(() -> store.stored.size() == 1_000);
        assertEquals(TAKEN, writer.offer(batch(1_000, 1), Duration.ofSeconds(5)));
        await(() -> store.stored.size() == 1_001);
        writer.deactivate();
    }

    @Test
    void aDamagedSpoolSegmentIsSetAsideAndTheRestReplayed() throws Exception {
        Spool spooled = new Spool(spool.resolve("memory"));
        spooled.append(java.util.UUID.randomUUID(), batch(0, 10));
        spooled.append(java.util.UUID.randomUUID(), batch(10, 10));
        spooled.append(java.util.UUID.randomUUID(), batch(20, 10));
        Path middle = spool.resolve("memory").resolve(String.format("%020d.batch", 2));
        byte[] bytes = Files.readAllBytes(middle);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(middle, bytes);

        MemoryStore store = new MemoryStore();
        StorageWriter writer = new StorageWriter(spool, 1_000, 100);
        writer.addStore(store);
        await(() -> store.stored.size() == 20);
        List<Double> expected = new ArrayList<>(range(10));
        for (int i = 20; i < 30; i++) {
            expected.add((double) i);
        }
        assertEquals(expected, values(store.stored));
        assertTrue(Files.exists(spool.resolve("memory/corrupt").resolve(middle.getFileName())));
        writer.deactivate();
    }

    @Test
    void aBatchWhoseCommitAnswerWasLostIsRetriedWithTheSameIdAndStoredOnce() throws Exception {
        MemoryStore store = new MemoryStore();
        StorageWriter writer = new StorageWriter(spool, 10_000, 1_000);
        writer.addStore(store);
        store.loseNextAcknowledgement = true;
        writer.offer(batch(0, 100), Duration.ofSeconds(1));
        writer.offer(batch(100, 100), Duration.ofSeconds(1));
        await(() -> store.stored.size() >= 200 && writer.spools().get("memory").samples() == 0);
        awaitTwoReplayRounds(writer); // a further replay round would reveal a duplicate
        assertEquals(range(200), values(store.stored));
        writer.deactivate();
    }

    @Test
    void batchesQueuedWhenTheBackendGoesAwayAreSpooledAndStoredWhenItReturns() throws Exception {
        MemoryStore store = new MemoryStore();
        store.stall = new CountDownLatch(1);
        StorageWriter writer = new StorageWriter(spool, 10_000, 100);
        writer.addStore(store);
        for (int i = 0; i < 1_000; i += 100) {
            writer.offer(batch(i, 100), Duration.ofSeconds(1));
        }
        assertTrue(store.writing.await(5, java.util.concurrent.TimeUnit.SECONDS));
        // as at shutdown: the backend leaves in the middle of a write, before the writer drained
        writer.removeStore(store);
        store.down = true;
        store.stall.countDown();
        writer.deactivate();
        assertEquals(
                1_000,
                writer.spools().get("memory").samples() + store.stored.size(),
                "nothing dropped");

        MemoryStore back = new MemoryStore();
        back.stored.addAll(store.stored);
        StorageWriter next = new StorageWriter(spool, 10_000, 100);
        next.addStore(back);
        await(() -> back.stored.size() == 1_000);
        assertEquals(range(1_000), values(back.stored));
        next.deactivate();
    }

    @Test
    void twoWriterThreadsStoreEverySampleExactlyOnceThroughAnOutage() throws Exception {
        MemoryStore store = new MemoryStore();
        StorageWriter writer =
                new StorageWriter(spool, 20_000, 1_000, false, 2, GIGABYTE, AcceptedLog.NONE);
        writer.addStore(store);
        for (int i = 0; i < 20_000; i += 250) {
            if (i == 8_000) {
                store.down = true;
            }
            if (i == 14_000) {
                store.down = false;
            }
            assertEquals(TAKEN, writer.offer(batch(i, 250), Duration.ofSeconds(5)));
        }
        await(() -> store.stored.size() >= 20_000 && writer.spools().get("memory").samples() == 0);
        awaitTwoReplayRounds(writer); // a further replay round would reveal a duplicate
        List<Double> stored = new ArrayList<>(values(store.stored));
        java.util.Collections.sort(stored);
        assertEquals(range(20_000), stored);
        writer.deactivate();
        try (var files = Files.list(spool.resolve(".journal"))) {
            assertEquals(0, files.count(), "a clean stop leaves no journal");
        }
    }
}
