package io.armature.runtime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The Felix framework properties of a runtime home. */
final class FrameworkProperties {
    /** Libraries 1, framework services 2, Armature core 3, features and deployed plugins 4. */
    static final int PLUGIN_START_LEVEL = 4;

    private FrameworkProperties() {}

    static Map<String, String> of(Path home, Path data, String profile, int port, String version) {
        Map<String, String> p = new HashMap<>();
        p.put("org.osgi.framework.storage", data.resolve("cache").toString());
        // bundles are installed from the feature list on every boot; the cache is not state
        p.put("org.osgi.framework.storage.clean", "onFirstInit");
        p.put("org.osgi.framework.startlevel.beginning", String.valueOf(PLUGIN_START_LEVEL));
        p.put("felix.startlevel.bundle", String.valueOf(PLUGIN_START_LEVEL));
        p.put("org.osgi.service.http.port", String.valueOf(port));
        p.put("org.apache.felix.http.name", "armature");
        p.put("felix.cm.dir", data.resolve("config").toString());
        p.put("felix.fileinstall.dir", home.resolve("deploy").toString());
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.start.level", String.valueOf(PLUGIN_START_LEVEL));
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.filter", "[^.].*\\.(jar|config|cfg)");
        p.put("felix.fileinstall.log.level", "3");
        p.put("felix.fileinstall.log.default", "jul");
        p.put("armature.home", home.toString());
        p.put("armature.data", data.toString());
        p.put("armature.profile", profile);
        p.put("armature.version", version);
        return p;
    }
}
