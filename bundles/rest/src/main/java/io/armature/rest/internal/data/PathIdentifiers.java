package io.armature.rest.internal.data;

import io.armature.rest.internal.problem.ProblemException;

/** Path identifiers (tenant, device, metric), by the API's one rule. */
final class PathIdentifiers {
    private PathIdentifiers() {}

    static void require(String what, String id) {
        if (!io.armature.api.sample.Identifiers.isValid(id)) {
            throw new ProblemException(
                    400,
                    what
                            + " '"
                            + id
                            + "' does not match "
                            + io.armature.api.sample.Identifiers.PATTERN);
        }
    }
}
