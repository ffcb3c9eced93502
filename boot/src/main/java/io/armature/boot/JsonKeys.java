package io.armature.boot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Refuses JSON members this runtime does not read, so that a misspelt key is never ignored. */
final class JsonKeys {
    private JsonKeys() {}

    /**
     * @throws FeatureFormatException naming each unknown member and the supported ones
     */
    static void requireKnown(JsonNode object, Set<String> supported, String where) {
        if (!object.isObject()) {
            throw new FeatureFormatException(where + " must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        object.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!supported.contains(name)) {
                                unknown.add(name);
                            }
                        });
        if (!unknown.isEmpty()) {
            throw new FeatureFormatException(
                    where
                            + ": unknown "
                            + (unknown.size() == 1 ? "key " : "keys ")
                            + String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList())
                            + " (supported: "
                            + String.join(", ", new TreeSet<>(supported))
                            + ")");
        }
    }
}
