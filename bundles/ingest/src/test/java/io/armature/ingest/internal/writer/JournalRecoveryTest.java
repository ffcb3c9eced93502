package io.armature.ingest.internal.writer;

import static io.armature.ingest.internal.writer.Fixtures.await;
import static io.armature.ingest.internal.writer.Fixtures.awaitTwoReplayRounds;
import static io.armature.ingest.internal.writer.Fixtures.batch;
import static io.armature.ingest.internal.writer.Fixtures.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.sample.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crashed runtime left in the ingest journal is stored by the next one, exactly once. */
class JournalRecoveryTest {
    @TempDir Path spool;

    /** A journal as a killed runtime leaves it: entries 1-4, 1-2 grouped and (maybe) stored. */
    private UUID crashedRun() throws Exception {
        Files.createDirectories(spool.resolve("memory")); // the backend was known to that run
        Journal journal = new Journal(spool.resolve(".journal"), false);
        journal.recover();
        journal.start();
        for (int i = 0; i < 4; i++) {
            journal.append(Journal.encode(batch(i * 100, 100)));
        }
        UUID group = UUID.randomUUID();
        journal.grouped(1, 2, group);
        journal.close(); // no done: the process died during the write
        return group;
    }

    @Test
    void acceptedButUnstoredBatchesAreStoredAfterACrashInOrder() throws Exception {
        crashedRun();
        MemoryStore store = new MemoryStore();
        StorageWriter writer = new StorageWriter(spool, 10_000, 1_000);
        writer.addStore(store);
        await(() -> store.stored.size() == 400);
        assertEquals(range(400), store.stored.stream().map(Sample::value).toList());
        writer.deactivate();
    }

    @Test
    void aGroupTheBackendStoredBeforeTheCrashIsNotStoredTwice() throws Exception {
        UUID group = crashedRun();
        MemoryStore store = new MemoryStore();
        store.applied.add(group); // its commit had succeeded; only the acknowledgement was lost
        store.stored.addAll(batch(0, 200).samples());
        StorageWriter writer = new StorageWriter(spool, 10_000, 1_000);
        writer.addStore(store);
        await(() -> store.stored.size() >= 400);
        awaitTwoReplayRounds(writer); // a further replay round would reveal a duplicate
        assertEquals(range(400), store.stored.stream().map(Sample::value).toList());
        writer.deactivate();
    }

    @Test
    void aTornLastRecordIsIgnoredAndACleanStopLeavesNoJournal() throws Exception {
        crashedRun();
        Path segment;
        try (Stream<Path> files = Files.list(spool.resolve(".journal"))) {
            segment = files.findFirst().orElseThrow();
        }
        Files.write(segment, new byte[] {0, 0, 1, 0, 1, 42, 42}, StandardOpenOption.APPEND);
        MemoryStore store = new MemoryStore();
        StorageWriter writer = new StorageWriter(spool, 10_000, 1_000);
        writer.addStore(store);
        await(() -> store.stored.size() == 400);
        for (int i = 400; i < 1_000; i += 100) {
            assertEquals(
                    StorageWriter.Offer.TAKEN, writer.offer(batch(i, 100), Duration.ofSeconds(1)));
        }
        assertTrue(writer.journalBytes() > 0);
        await(() -> store.stored.size() == 1_000);
        writer.deactivate();
        try (Stream<Path> files = Files.list(spool.resolve(".journal"))) {
            assertEquals(0, files.count(), "everything stored: nothing to recover");
        }
        assertEquals(range(1_000), store.stored.stream().map(Sample::value).toList());
    }

    @Test
    void whenRecoveredSamplesCanBeNeitherStoredNorSpooledTheJournalIsKeptAside() throws Exception {
        crashedRun();
        // the first spool file cannot be created: its temporary name is taken by a directory
        Files.createDirectories(
                spool.resolve("memory").resolve(String.format("%020d.batch.tmp", 1)));
        StorageWriter writer = new StorageWriter(spool, 10_000, 1_000);
        Path aside;
        try (Stream<Path> files = Files.list(spool.resolve(".journal"))) {
            aside =
                    files.filter(f -> f.getFileName().toString().startsWith("unrecovered-"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("journal not kept"));
        }
        try (Stream<Path> files = Files.list(aside)) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".journal")));
        }
        MemoryStore store = new MemoryStore();
        writer.addStore(store);
        assertEquals(
                StorageWriter.Offer.TAKEN,
                writer.offer(batch(1_000, 10), Duration.ofSeconds(1)),
                "still accepting");
        await(() -> store.stored.size() == 210); // entries 3 and 4 were spooled, then the new batch
        writer.deactivate();
    }

    @Test
    void recoveredSamplesWithNoBackendToGoToAreKeptAsideNotDropped() throws Exception {
        crashedRun();
        Files.delete(spool.resolve("memory")); // no backend known to this run
        StorageWriter writer = new StorageWriter(spool, 10_000, 1_000);
        try (Stream<Path> files = Files.list(spool.resolve(".journal"))) {
            assertTrue(
                    files.anyMatch(f -> f.getFileName().toString().startsWith("unrecovered-")),
                    "the journal is kept for a later recovery");
        }
        writer.deactivate();
    }
}
