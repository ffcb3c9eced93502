package io.armature.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer profile ({@code config/profiles/NAME.json}): which features a deployment gets and the
 * configuration values that override the features' defaults. Values may use {@code
 * ${env:NAME:-default}}.
 *
 * @param name profile name (the file name without {@code .json})
 * @param description what the deployment is
 * @param features feature ids, base feature included
 * @param configurations PID to overriding properties
 * @param host the address to listen on ({@code "host"}, may use {@code ${env:...}}), or null for
 *     the launcher's default (127.0.0.1, or {@code --host})
 */
public record Profile(
        String name,
        String description,
        List<String> features,
        Map<String, Map<String, Object>> configurations,
        String host) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Profile {
        features = List.copyOf(features);
        configurations = Map.copyOf(configurations);
    }

    /**
     * Reads {@code <profiles>/<name>.json}.
     *
     * @throws FeatureFormatException when missing, malformed, or a variable cannot be resolved
     */
    public static Profile read(Path profilesDirectory, String name, Variables variables) {
        Path file = profilesDirectory.resolve(name + ".json");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}") || !Files.isRegularFile(file)) {
            throw new FeatureFormatException(
                    "profile '"
                            + name
                            + "' not found: no file "
                            + file
                            + " (available: "
                            + available(profilesDirectory)
                            + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new FeatureFormatException(
                    "profile " + file + " is not valid JSON: " + e.getMessage());
        }
        JsonKeys.requireKnown(
                root,
                Set.of("name", "description", "features", "configurations", "host"),
                "profile " + name);
        List<String> features = new ArrayList<>();
        features.add(FeatureCatalog.BASE_FEATURE);
        for (JsonNode feature : root.path("features")) {
            if (!features.contains(feature.asText())) {
                features.add(feature.asText());
            }
        }
        Map<String, Map<String, Object>> configurations;
        try {
            configurations = ConfigValues.configurations(root.path("configurations"), variables);
        } catch (FeatureFormatException e) {
            throw new FeatureFormatException("profile " + name + ": " + e.getMessage());
        }
        String host = null;
        if (root.hasNonNull("host")) {
            if (!root.get("host").isTextual()) {
                throw new FeatureFormatException(
                        "profile " + name + ": host must be a string (an address or host name)");
            }
            host = variables.resolve(root.get("host").asText());
        }
        return new Profile(
                name, root.path("description").asText(""), features, configurations, host);
    }

    private static String available(Path directory) {
        try (var files = Files.list(directory)) {
            return String.join(
                    ", ",
                    files.map(f -> f.getFileName().toString())
                            .filter(f -> f.endsWith(".json"))
                            .map(f -> f.substring(0, f.length() - 5))
                            .sorted()
                            .toList());
        } catch (IOException e) {
            return "none";
        }
    }
}
