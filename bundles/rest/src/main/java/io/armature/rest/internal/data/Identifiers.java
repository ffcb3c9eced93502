package io.armature.rest.internal.data;

import io.armature.rest.internal.problem.ProblemException;

/** Path identifiers (tenant, device, metric): {@code [A-Za-z0-9_.:-]{1,64}}. */
final class Identifiers {
    private Identifiers() {}

    static void require(String what, String id) {
        if (id == null || !id.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new ProblemException(
                    400, what + " '" + id + "' does not match [A-Za-z0-9_.:-]{1,64}");
        }
    }
}
