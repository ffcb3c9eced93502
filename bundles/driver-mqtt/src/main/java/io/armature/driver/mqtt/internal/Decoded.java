package io.armature.driver.mqtt.internal;

import io.armature.api.sample.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one payload yielded: its samples, the units it declared per {@code tenant/device/metric},
 * and what could not be read, one entry per lost value (or per message when nothing was readable).
 */
final class Decoded {
    /** One value (or message) that could not be read. */
    record Problem(String reason, String message) {}

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> units = new LinkedHashMap<>();
    final List<Problem> problems = new ArrayList<>();

    Decoded problem(String reason, String message) {
        problems.add(new Problem(reason, message));
        return this;
    }

    static Decoded failed(String reason, String message) {
        return new Decoded().problem(reason, message);
    }
}
