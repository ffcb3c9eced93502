package io.armature.security.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.armature.api.security.AuditLog;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    @TempDir Path dir;

    private static AuditConfig config(int megabytes, int files) {
        return new AuditConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AuditConfig.class;
            }

            @Override
            public int maxFileMegabytes() {
                return megabytes;
            }

            @Override
            public int filesKept() {
                return files;
            }
        };
    }

    private static AuditLog.Event event(int i) {
        return new AuditLog.Event(
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i),
                i % 2 == 0 ? "alice" : "bob",
                i % 3 == 0 ? "bundle.install" : "user.update",
                "/api/v1/x/" + i,
                "success",
                Map.of("pad", "x".repeat(20_000)));
    }

    @Test
    void eventsAreRotatedByTheirSequenceWhichContinuesAfterAReopen() throws Exception {
        AuditTrail trail = new AuditTrail(dir, config(1, 3));
        for (int i = 0; i < 120; i++) {
            trail.record(event(i));
        }
        trail.close();
        assertTrue(Files.exists(dir.resolve("audit.log.1")), "rotated at 1 MB");
        assertTrue(Files.size(dir.resolve("audit.log")) <= 1 << 20);

        AuditTrail reopened = new AuditTrail(dir, config(1, 3));
        reopened.record(event(500));
        List<JsonNode> all = reopened.read(0, 10_000, e -> true);
        assertEquals(121, all.get(all.size() - 1).path("seq").asLong(), "the sequence continued");
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1).path("seq").asLong() + 1, all.get(i).path("seq").asLong());
        }

        List<JsonNode> page = reopened.read(100, 5, e -> e.path("actor").asText().equals("alice"));
        assertEquals(5, page.size());
        assertTrue(
                page.stream()
                        .allMatch(
                                e ->
                                        e.path("seq").asLong() > 100
                                                && e.path("actor").asText().equals("alice")));
        reopened.close();
    }
}
