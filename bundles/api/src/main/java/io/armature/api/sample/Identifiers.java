package io.armature.api.sample;

/**
 * The one rule for tenant, device and metric identifiers: 1 to 64 characters of {@code
 * [A-Za-z0-9_.:-]}. Ingest rejects samples that break it, the registry refuses such tenants and
 * devices, and the REST API answers 400 for such path segments.
 */
public final class Identifiers {
    /** The rule as a regular expression, for messages and schemas. */
    public static final String PATTERN = "[A-Za-z0-9_.:-]{1,64}";

    private Identifiers() {}

    /**
     * True when {@code id} is a valid identifier (null is not). Checked without a regular
     * expression: ingest runs it three times per sample.
     */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z')
                            || (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '.'
                            || c == ':'
                            || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
