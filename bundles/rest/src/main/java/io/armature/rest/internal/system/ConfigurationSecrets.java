package io.armature.rest.internal.system;

import io.armature.boot.SecretKeys;
import io.armature.rest.internal.problem.Problem.FieldError;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Secrets in configurations answered over REST: masked on the way out, and a mask sent back keeps
 * the stored secret. A secret is a {@code password}-type attribute of the metatype, or any property
 * whose name looks secret ({@link SecretKeys#looksSecret}).
 */
public final class ConfigurationSecrets {
    private static final Set<String> FRAMEWORK_KEYS =
            Set.of(
                    Constants.SERVICE_PID,
                    ConfigurationAdmin.SERVICE_FACTORYPID,
                    ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private ConfigurationSecrets() {}

    /** The properties without framework keys, secrets masked; empty for null. */
    public static Map<String, Object> masked(
            Dictionary<String, Object> dictionary, ObjectClassDefinition ocd) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Set<String> passwords = passwords(ocd);
        if (dictionary != null) {
            for (String key : Collections.list(dictionary.keys())) {
                if (!FRAMEWORK_KEYS.contains(key)) {
                    properties.put(
                            key,
                            passwords.contains(key) || SecretKeys.looksSecret(key)
                                    ? SecretKeys.MASK
                                    : dictionary.get(key));
                }
            }
        }
        return properties;
    }

    /**
     * Replaces every secret sent as the mask (as GET showed it) by the stored secret, so a client
     * can send back what it read without knowing the secret; a mask with nothing stored is an
     * error, reported under {@code fieldPrefix + key}.
     */
    public static void keepMasked(
            Map<String, Object> properties,
            Dictionary<String, Object> stored,
            ObjectClassDefinition ocd,
            String fieldPrefix,
            List<FieldError> errors) {
        Set<String> passwords = passwords(ocd);
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String key = entry.getKey();
            if ((passwords.contains(key) || SecretKeys.looksSecret(key))
                    && SecretKeys.MASK.equals(entry.getValue())) {
                Object current = stored == null ? null : stored.get(key);
                if (current == null) {
                    errors.add(
                            new FieldError(
                                    fieldPrefix + key,
                                    "is the mask, but no secret is stored to keep: send it"));
                } else {
                    entry.setValue(current);
                }
            }
        }
    }

    private static Set<String> passwords(ObjectClassDefinition ocd) {
        if (ocd == null) {
            return Set.of();
        }
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        Set<String> result = new HashSet<>();
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            if (ad.getType() == AttributeDefinition.PASSWORD) {
                result.add(ad.getID());
            }
        }
        return result;
    }
}
