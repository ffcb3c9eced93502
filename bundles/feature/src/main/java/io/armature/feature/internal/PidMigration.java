package io.armature.feature.internal;

import io.armature.boot.RenamedPids;
import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves configurations stored under a renamed PID ({@link RenamedPids}) in an existing {@code
 * data/config} to the PID that replaced it, before the features' configurations are applied, so a
 * value an operator set at runtime is neither lost nor left behind unread. Each move is logged.
 */
final class PidMigration {
    private static final Logger LOG = LoggerFactory.getLogger(PidMigration.class);
    private static final Set<String> FRAMEWORK_KEYS =
            Set.of(
                    Constants.SERVICE_PID,
                    ConfigurationAdmin.SERVICE_FACTORYPID,
                    ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private PidMigration() {}

    /** Moves every stored configuration of an old PID to its new PID; returns how many moved. */
    static int migrate(ConfigurationAdmin admin) {
        int moved = 0;
        for (Map.Entry<String, String> rename : RenamedPids.RENAMED.entrySet()) {
            try {
                Configuration[] old =
                        admin.listConfigurations(
                                "(" + Constants.SERVICE_PID + "=" + rename.getKey() + ")");
                if (old == null) {
                    continue;
                }
                for (Configuration configuration : old) {
                    move(admin, configuration, rename.getValue());
                    moved++;
                }
            } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
                LOG.error(
                        "could not migrate configuration {} to {}: {}; set its values again"
                                + " under the new PID",
                        rename.getKey(),
                        rename.getValue(),
                        e.toString());
            }
        }
        return moved;
    }

    private static void move(ConfigurationAdmin admin, Configuration old, String newPid)
            throws IOException {
        Configuration target = admin.getConfiguration(newPid, "?");
        Dictionary<String, Object> merged = new Hashtable<>();
        if (target.getProperties() != null) {
            copy(target.getProperties(), merged);
        }
        if (old.getProperties() != null) {
            copy(old.getProperties(), merged);
        }
        String oldPid = old.getPid(); // not readable once deleted
        target.update(merged);
        old.delete();
        LOG.warn(
                "configuration {} is now {}: its values were moved (update profiles and scripts"
                        + " that name the old PID)",
                oldPid,
                newPid);
    }

    private static void copy(Dictionary<String, Object> from, Dictionary<String, Object> to) {
        for (String key : Collections.list(from.keys())) {
            if (!FRAMEWORK_KEYS.contains(key)) {
                to.put(key, from.get(key));
            }
        }
    }
}
