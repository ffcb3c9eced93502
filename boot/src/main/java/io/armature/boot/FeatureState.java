package io.armature.boot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feature choices made at runtime ({@code PUT /api/v1/system/features/{id}}), persisted in {@code
 * <data>/features-state.json} as {@code {"feature": true|false}} so they survive a restart. They
 * override the profile's feature list. Written atomically (temp file + rename).
 */
public final class FeatureState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public FeatureState(Path dataDirectory) {
        this.file = dataDirectory.resolve("features-state.json");
    }

    /** The persisted choices; empty when nothing was chosen yet. */
    public Map<String, Boolean> read() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return new TreeMap<>(
                    JSON.readValue(file.toFile(), new TypeReference<Map<String, Boolean>>() {}));
        } catch (IOException e) {
            throw new FeatureFormatException(
                    "feature state " + file + " is unreadable: " + e.getMessage());
        }
    }

    /** Records one choice. */
    public synchronized void write(String feature, boolean enabled) {
        Map<String, Boolean> state = new TreeMap<>(read());
        state.put(feature, enabled);
        try {
            DurableFiles.writeAtomically(
                    file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist feature state to " + file, e);
        }
    }
}
