package io.armature.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.boot.BootPlan;
import io.armature.boot.BundleRef;
import io.armature.boot.FeatureDefinition;
import io.armature.boot.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The assembled runtime's {@code system/} directory and its feature files agree: every bundle a
 * shipped feature names is there, and nothing else is. The bundle list lives in the feature files
 * and the runtime's dependencies (the versions in one set of properties of the root pom); this
 * check makes a disagreement fail the build instead of the boot.
 */
class SystemDirectoryIT {
    private static final Path HOME =
            Path.of(System.getProperty("armature.runtime.dir", "target/armature"));

    @Test
    void everyBundleOfEveryShippedFeatureIsInSystemAndNothingElseIs() throws Exception {
        BootPlan plan =
                BootPlan.load(
                        HOME, Files.createTempDirectory("data"), "demo", new Variables(Map.of()));
        Set<Path> named = new TreeSet<>();
        for (FeatureDefinition feature : plan.catalog().all()) {
            plan.checkBundlesPresent(feature); // throws naming the feature and the missing bundle
            for (BundleRef bundle : feature.bundles()) {
                named.add(plan.bundlePath(bundle).toAbsolutePath().normalize());
            }
        }
        Set<Path> present;
        try (Stream<Path> files = Files.walk(HOME.resolve("system"))) {
            present =
                    files.filter(f -> f.toString().endsWith(".jar"))
                            .map(f -> f.toAbsolutePath().normalize())
                            .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<Path> unused = new TreeSet<>(present);
        unused.removeAll(named);
        assertEquals(Set.of(), unused, "jars in system/ that no feature installs");
        assertTrue(present.containsAll(named));
    }

    @Test
    void theDemoProfileEnablesEveryShippedFeature() {
        BootPlan plan = BootPlan.load(HOME, HOME.resolve("data"), "demo", new Variables(Map.of()));
        assertEquals(
                plan.catalog().all().stream().map(FeatureDefinition::id).sorted().toList(),
                plan.enabled().stream().sorted().toList(),
                "the demo profile boots every shipped feature, so the integration tests do too");
    }
}
