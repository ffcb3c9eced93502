package io.armature.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The features of a runtime: every {@code *.json} file of its {@code features/} directory, in the
 * OSGi Feature JSON format (id, title, description, bundles with {@code start-order},
 * configurations with typed keys). Immutable once read.
 */
public final class FeatureCatalog {
    /** The feature every profile gets; it cannot be disabled. */
    public static final String BASE_FEATURE = "armature-base";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The members of the OSGi Feature format this runtime reads; anything else is an error. */
    static final Set<String> FEATURE_KEYS =
            Set.of(
                    "feature-resource-version",
                    "id",
                    "title",
                    "description",
                    "bundles",
                    "configurations");

    static final Set<String> BUNDLE_KEYS = Set.of("id", "start-order");
    private final Map<String, FeatureDefinition> features;

    private FeatureCatalog(Map<String, FeatureDefinition> features) {
        this.features = features;
    }

    /**
     * Reads every feature file of a directory.
     *
     * @throws FeatureFormatException naming the file for unreadable or malformed JSON
     */
    public static FeatureCatalog read(Path directory, Variables variables) {
        Map<String, FeatureDefinition> features = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                FeatureDefinition feature = readFeature(file, variables);
                features.put(feature.id(), feature);
            }
        } catch (IOException e) {
            throw new FeatureFormatException("cannot read features from " + directory + ": " + e);
        }
        return new FeatureCatalog(features);
    }

    static FeatureDefinition readFeature(Path file, Variables variables) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new FeatureFormatException(
                    "feature " + file.getFileName() + " is not valid JSON: " + e.getMessage());
        }
        String where = "feature " + file.getFileName();
        JsonKeys.requireKnown(root, FEATURE_KEYS, where);
        String mavenId = root.path("id").asText("");
        String[] idParts = mavenId.split(":");
        if (idParts.length < 3) {
            throw new FeatureFormatException(
                    "feature " + file.getFileName() + ": \"id\" must be group:artifact:version");
        }
        List<BundleRef> bundles = new ArrayList<>();
        for (JsonNode bundle : root.path("bundles")) {
            if (!bundle.isTextual()) {
                JsonKeys.requireKnown(bundle, BUNDLE_KEYS, where + ", bundle " + bundle.path("id"));
            }
            String bundleId = bundle.isTextual() ? bundle.asText() : bundle.path("id").asText("");
            int order = bundle.path("start-order").asInt(BundleRef.DEFAULT_START_ORDER);
            try {
                bundles.add(new BundleRef(bundleId, order));
            } catch (IllegalArgumentException e) {
                throw new FeatureFormatException(
                        "feature " + file.getFileName() + ": " + e.getMessage());
            }
        }
        Map<String, Map<String, Object>> configurations;
        try {
            configurations = ConfigValues.configurations(root.path("configurations"), variables);
        } catch (FeatureFormatException e) {
            throw new FeatureFormatException(
                    "feature " + file.getFileName() + ": " + e.getMessage());
        }
        return new FeatureDefinition(
                idParts[1],
                mavenId,
                root.path("title").asText(idParts[1]),
                root.path("description").asText(""),
                bundles,
                configurations);
    }

    /** The feature with a short id, if present. */
    public Optional<FeatureDefinition> get(String id) {
        return Optional.ofNullable(features.get(id));
    }

    /** All features, ordered by id. */
    public List<FeatureDefinition> all() {
        return List.copyOf(features.values());
    }
}
