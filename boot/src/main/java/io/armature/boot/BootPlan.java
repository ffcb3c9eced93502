package io.armature.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a runtime home enables: the profile, the catalog, the persisted runtime choices, and from
 * them the enabled features in order. Building a plan validates everything a boot needs: an unknown
 * feature or a bundle missing from {@code system/} is a {@link FeatureFormatException} naming the
 * culprit. Used by the launcher before the framework starts and by the feature manager inside it.
 *
 * @param home runtime home (contains {@code features/}, {@code config/profiles/}, {@code system/})
 * @param profile the active profile
 * @param catalog the features
 * @param enabled enabled feature ids, base first, then profile order, then runtime-enabled ones
 */
public record BootPlan(Path home, Profile profile, FeatureCatalog catalog, List<String> enabled) {
    public BootPlan {
        enabled = List.copyOf(enabled);
    }

    /** Reads and validates the plan of a runtime home. */
    public static BootPlan load(Path home, Path data, String profileName, Variables variables) {
        Profile profile = Profile.read(home.resolve("config/profiles"), profileName, variables);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"), variables);
        for (String feature : profile.features()) {
            if (catalog.get(feature).isEmpty()) {
                throw new FeatureFormatException(
                        "profile '"
                                + profileName
                                + "' names unknown feature '"
                                + feature
                                + "' (known: "
                                + String.join(
                                        ", ",
                                        catalog.all().stream().map(FeatureDefinition::id).toList())
                                + ")");
            }
        }
        Set<String> enabled = new LinkedHashSet<>(profile.features());
        for (Map.Entry<String, Boolean> choice : new FeatureState(data).read().entrySet()) {
            if (catalog.get(choice.getKey()).isEmpty()
                    || choice.getKey().equals(FeatureCatalog.BASE_FEATURE)) {
                continue;
            }
            if (choice.getValue()) {
                enabled.add(choice.getKey());
            } else {
                enabled.remove(choice.getKey());
            }
        }
        BootPlan plan = new BootPlan(home, profile, catalog, new ArrayList<>(enabled));
        for (String feature : plan.enabled()) {
            plan.checkBundlesPresent(catalog.get(feature).orElseThrow());
        }
        return plan;
    }

    /** Throws when a bundle of the feature is missing from {@code system/}. */
    public void checkBundlesPresent(FeatureDefinition feature) {
        for (BundleRef bundle : feature.bundles()) {
            if (!Files.isRegularFile(bundlePath(bundle))) {
                throw new FeatureFormatException(
                        "feature '"
                                + feature.id()
                                + "' names bundle "
                                + bundle.mavenId()
                                + " which is missing: no file "
                                + bundlePath(bundle));
            }
        }
    }

    /** Location of a bundle in the runtime's {@code system/} repository. */
    public Path bundlePath(BundleRef bundle) {
        return bundle.pathIn(home.resolve("system"));
    }

    /**
     * The bundle location used for installing: a Felix {@code reference:} URL to the jar in {@code
     * system/}, so the framework reads it in place instead of copying it into its cache.
     */
    public String bundleLocation(BundleRef bundle) {
        return "reference:" + bundlePath(bundle).toUri();
    }

    /** Profile configurations for PIDs that no feature of the catalog declares. */
    public Map<String, Map<String, Object>> profileOnlyConfigurations() {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>(profile.configurations());
        catalog.all().forEach(f -> result.keySet().removeAll(f.configurations().keySet()));
        return result;
    }

    /** Bundles of all enabled features, de-duplicated, in feature order. */
    public List<BundleRef> enabledBundles() {
        Map<String, BundleRef> bundles = new LinkedHashMap<>();
        for (String feature : enabled) {
            for (BundleRef bundle : catalog.get(feature).orElseThrow().bundles()) {
                bundles.putIfAbsent(bundle.mavenId(), bundle);
            }
        }
        return List.copyOf(bundles.values());
    }

    /**
     * The configurations a feature applies: its defaults with the profile's overrides merged in key
     * by key.
     */
    public Map<String, Map<String, Object>> configurationsOf(FeatureDefinition feature) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        feature.configurations()
                .forEach(
                        (pid, defaults) -> {
                            Map<String, Object> merged = new LinkedHashMap<>(defaults);
                            merged.putAll(profile.configurations().getOrDefault(pid, Map.of()));
                            result.put(pid, merged);
                        });
        return result;
    }
}
