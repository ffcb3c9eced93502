package io.armature.boot;

/** A feature, profile or state file that cannot be used; the message names file and problem. */
public final class FeatureFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeatureFormatException(String message) {
        super(message);
    }
}
