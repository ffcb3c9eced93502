package io.armature.boot;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${env:NAME:-default}} in profile and feature values from
 * the process environment. A variable without a value and without a default is an error naming it.
 */
public final class Variables {
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private final Map<String, String> environment;

    public Variables(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Variables of the current process environment. */
    public static Variables fromEnvironment() {
        return new Variables(System.getenv());
    }

    String resolve(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            if (value == null) {
                value = matcher.group(2);
            }
            if (value == null) {
                throw new FeatureFormatException(
                        "environment variable "
                                + matcher.group(1)
                                + " is not set and has no default");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
