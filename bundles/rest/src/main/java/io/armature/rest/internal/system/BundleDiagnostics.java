package io.armature.rest.internal.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Namespace;

/**
 * Explains why an installed bundle does not resolve, without side effects: every mandatory
 * resolve-time requirement that no capability of a resolved bundle satisfies is named with its
 * filter (for example a missing package and version range).
 */
final class BundleDiagnostics {
    private BundleDiagnostics() {}

    static Optional<String> unresolvedReason(Bundle bundle, BundleContext context) {
        if (bundle.getState() != Bundle.INSTALLED) {
            return Optional.empty();
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if (Namespace.RESOLUTION_OPTIONAL.equals(
                            requirement
                                    .getDirectives()
                                    .get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || !isResolveTime(requirement)) {
                continue;
            }
            if (!satisfied(requirement, context)) {
                missing.add(describe(requirement));
            }
        }
        if (missing.isEmpty()) {
            return Optional.of("not resolved (a required bundle may itself be unresolved)");
        }
        return Optional.of("unresolved: missing " + String.join("; ", missing));
    }

    private static boolean isResolveTime(BundleRequirement requirement) {
        String effective =
                requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    private static boolean satisfied(BundleRequirement requirement, BundleContext context) {
        for (Bundle other : context.getBundles()) {
            BundleWiring wiring = other.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleCapability capability : wiring.getCapabilities(requirement.getNamespace())) {
                if (requirement.matches(capability)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(BundleRequirement requirement) {
        String filter =
                requirement
                        .getDirectives()
                        .getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        String namespace = requirement.getNamespace();
        if (namespace.equals("osgi.wiring.package")) {
            return "package " + filter;
        }
        if (namespace.equals(ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE)) {
            return "execution environment " + filter;
        }
        return namespace + " " + filter;
    }
}
