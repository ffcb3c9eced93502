package io.armature.alerts.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.alert.AlertRule;
import io.armature.api.alert.Severity;
import io.armature.api.alert.Verdict;
import io.armature.api.device.Device;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEntryTest {
    private static RuleEntry entry(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("service.pid", "io.armature.alerts.threshold~plant.a.hot");
        properties.put(AlertRule.TENANT, "plant.a");
        return RuleEntry.of((sample, memory) -> Verdict.NONE, properties);
    }

    private static Device device(String type, Map<String, String> tags) {
        return new Device("plant.a", "press-1", null, type, tags, null, null, null);
    }

    @Test
    void theIdIsTheConfigurationNameAfterTheTenant() {
        RuleEntry entry = entry(Map.of(AlertRule.SEVERITY, "Major"));
        assertEquals("hot", entry.id);
        assertEquals(Severity.MAJOR, entry.severity);
    }

    @Test
    void wildcardsMatchWholeValues() {
        assertTrue(RuleEntry.matches("press-*", "press-12"));
        assertTrue(RuleEntry.matches("*-12", "press-12"));
        assertTrue(RuleEntry.matches("p*s*2", "press-12"));
        assertFalse(RuleEntry.matches("press-*", "the-press-1"));
        assertFalse(RuleEntry.matches("*-1", "press-12"));
        assertTrue(RuleEntry.matches("*", ""));
        assertFalse(RuleEntry.matches("ab*ba", "aba"));
    }

    @Test
    void scopeByDeviceTypeAndTagsNeedsTheRegisteredDevice() {
        RuleEntry entry =
                entry(
                        Map.of(
                                AlertRule.DEVICE_TYPES, new String[] {"press"},
                                AlertRule.TAGS, new String[] {"hall=2", "line"}));
        assertTrue(
                entry.coversDevice("press-1", device("press", Map.of("hall", "2", "line", "a"))));
        assertFalse(
                entry.coversDevice("press-1", device("press", Map.of("hall", "3", "line", "a"))));
        assertFalse(entry.coversDevice("press-1", device("press", Map.of("hall", "2"))));
        assertFalse(
                entry.coversDevice("press-1", device("oven", Map.of("hall", "2", "line", "a"))));
        assertFalse(entry.coversDevice("press-1", null));
    }

    @Test
    void exactMetricsAreIndexedAndWildcardsAreNot() {
        assertEquals(
                List.of("force"),
                entry(Map.of(AlertRule.METRICS, new String[] {"force"})).exactMetrics());
        assertEquals(
                List.of(),
                entry(Map.of(AlertRule.METRICS, new String[] {"force", "temp*"})).exactMetrics());
    }

    @Test
    void aNegativePeriodIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> entry(Map.of(AlertRule.FOR_SECONDS, -5L)));
    }
}
