package io.armature.storage.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimescaleTest {
    @Test
    void theFirstMigrationBecomesAHypertableWithDailyChunks() throws Exception {
        String migration;
        try (InputStream in =
                TenantSchemas.class.getResourceAsStream(
                        "migrations/V001__series_and_samples.sql")) {
            migration =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("${schema}", "\"t_acme\"");
        }
        String script = Timescale.hypertableScript(migration, "\"t_acme\"");
        assertFalse(script.contains("PARTITION BY"), script);
        assertTrue(script.contains("CREATE INDEX ON \"t_acme\".samples (series_id, time)"), script);
        assertTrue(
                script.endsWith(
                        "SELECT create_hypertable('\"t_acme\".samples', 'time', chunk_time_interval => interval '1 day');\n"),
                script);
    }
}
