package io.armature.security.internal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.armature.api.security.AuditLog;
import io.armature.boot.RuntimeHome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one JSON object per line in {@code data/audit/audit.log}, each forced to disk
 * before {@link #record} returns, numbered by a sequence that survives restarts; rotated by size to
 * {@code audit.log.1} (newest) ... {@code audit.log.N}.
 */
@Component(
        name = AuditTrail.PID,
        service = {AuditLog.class, AuditTrail.class},
        immediate = true)
@Designate(ocd = AuditConfig.class)
public final class AuditTrail implements AuditLog {
    public static final String PID = "io.armature.security.audit";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "audit.log";

    private final Path dir;
    private volatile long maxBytes;
    private volatile int filesKept;
    private long sequence;
    private FileChannel channel;

    @Activate
    public AuditTrail(BundleContext context, AuditConfig config) throws IOException {
        this(RuntimeHome.of(context::getProperty).data().resolve("audit"), config);
    }

    AuditTrail(Path dir, AuditConfig config) throws IOException {
        this.dir = dir;
        modified(config);
        io.armature.boot.PrivateFiles.createDirectory(dir);
        sequence = lastSequence();
        open();
    }

    @Modified
    void modified(AuditConfig config) {
        maxBytes = config.maxFileMegabytes() * 1024L * 1024L;
        filesKept = config.filesKept();
    }

    @Deactivate
    synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("audit log could not be closed: {}", e.toString());
        }
    }

    @Override
    public synchronized void record(Event event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("seq", ++sequence);
        line.put("time", event.time().toString());
        line.put("actor", event.actor());
        line.put("action", event.action());
        line.put("target", event.target());
        line.put("outcome", event.outcome());
        ObjectNode details = line.putObject("details");
        event.details().forEach(details::put);
        try {
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            if (channel.size() > 0 && channel.size() + bytes.length > maxBytes) {
                rotate();
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            LOG.error("audit event {} could not be written: {}", event.action(), e.toString());
        }
    }

    /** Events in sequence order after {@code after}, matching the filter, at most {@code limit}. */
    public synchronized List<JsonNode> read(long after, int limit, Predicate<JsonNode> filter)
            throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Path file : filesOldestFirst()) {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode event;
                try {
                    event = JSON.readTree(text);
                } catch (IOException e) {
                    continue; // a torn last line after a crash
                }
                if (event.path("seq").asLong() > after && filter.test(event)) {
                    out.add(event);
                    if (out.size() >= limit) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    /** True when the event happened in [from, to) (either may be null). */
    public static boolean within(JsonNode event, Instant from, Instant to) {
        Instant time = Instant.parse(event.path("time").asText());
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }

    /** Convenience for callers: an event now. */
    public static Event event(
            String actor,
            String action,
            String target,
            String outcome,
            Map<String, String> details) {
        return new Event(Instant.now(), actor, action, target, outcome, details);
    }

    private List<Path> filesOldestFirst() {
        List<Path> files = new ArrayList<>();
        for (int i = filesKept; i >= 1; i--) {
            Path rotated = dir.resolve(FILE + "." + i);
            if (Files.exists(rotated)) {
                files.add(rotated);
            }
        }
        if (Files.exists(dir.resolve(FILE))) {
            files.add(dir.resolve(FILE));
        }
        return files;
    }

    private void rotate() throws IOException {
        channel.close();
        Files.deleteIfExists(dir.resolve(FILE + "." + filesKept));
        for (int i = filesKept - 1; i >= 1; i--) {
            Path from = dir.resolve(FILE + "." + i);
            if (Files.exists(from)) {
                Files.move(from, dir.resolve(FILE + "." + (i + 1)), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(dir.resolve(FILE), dir.resolve(FILE + ".1"), StandardCopyOption.ATOMIC_MOVE);
        open();
    }

    private void open() throws IOException {
        channel =
                FileChannel.open(
                        dir.resolve(FILE),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
        io.armature.boot.PrivateFiles.restrict(dir.resolve(FILE));
    }

    /** Bytes read from a file's end to find its last event at start-up (not the whole file). */
    private static final int TAIL_BYTES = 64 * 1024;

    /** The complete lines in the last {@link #TAIL_BYTES} of a file. */
    private static List<String> tail(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, TAIL_BYTES));
            long position = size - buffer.capacity();
            while (buffer.hasRemaining() && in.read(buffer, position + buffer.position()) > 0) {
                // read on
            }
            List<String> lines =
                    new ArrayList<>(
                            List.of(
                                    new String(
                                                    buffer.array(),
                                                    0,
                                                    buffer.position(),
                                                    StandardCharsets.UTF_8)
                                            .split("\n")));
            if (position > 0 && !lines.isEmpty()) {
                lines.remove(0); // begins mid-line
            }
            return lines;
        }
    }

    private long lastSequence() throws IOException {
        List<Path> files = filesOldestFirst();
        for (int i = files.size() - 1; i >= 0; i--) {
            List<String> lines = tail(files.get(i));
            for (int j = lines.size() - 1; j >= 0; j--) {
                try {
                    JsonNode event = JSON.readTree(lines.get(j));
                    if (event != null && event.has("seq")) {
                        return event.get("seq").asLong();
                    }
                } catch (IOException e) {
                    // torn line: look at the one before
                }
            }
        }
        return 0;
    }
}
