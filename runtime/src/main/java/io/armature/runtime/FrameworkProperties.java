package io.armature.runtime;

import io.armature.boot.ArmatureProperties;
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
        // SLF4J lives on the launcher class path: one provider for the JVM, found by a plain
        // ServiceLoader, so no SPI Fly is needed (its weaving of every Jetty class cost about a
        // quarter of the boot CPU)
        p.put("org.osgi.framework.system.packages.extra", slf4jPackages());
        p.put("org.osgi.framework.startlevel.beginning", String.valueOf(PLUGIN_START_LEVEL));
        p.put("felix.startlevel.bundle", String.valueOf(PLUGIN_START_LEVEL));
        p.put("org.osgi.service.http.port", String.valueOf(port));
        p.put("org.apache.felix.http.name", "armature");
        // no server version banner; the web console serves nothing until Armature's security
        // provider is there (it never falls back to its built-in admin/admin)
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        p.put("felix.webconsole.security.providers", "armature");
        p.put("felix.cm.dir", data.resolve("config").toString());
        // configurations are persisted only through the vault, which encrypts their secrets
        p.put("felix.cm.pm", "armature");
        p.put("felix.fileinstall.dir", home.resolve("deploy").toString());
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.start.level", String.valueOf(PLUGIN_START_LEVEL));
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.filter", "[^.].*\\.(jar|config|cfg)");
        p.put("felix.fileinstall.log.level", "3");
        p.put("felix.fileinstall.log.default", "jul");
        // FileInstall would write configuration changes (secrets included, in clear) back into
        // deploy/*.config; the file a user dropped stays theirs
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put(ArmatureProperties.HOME, home.toString());
        p.put(ArmatureProperties.DATA, data.toString());
        p.put(ArmatureProperties.PROFILE, profile);
        p.put(ArmatureProperties.VERSION, version);
        return p;
    }

    /** The packages slf4j-api exports as a bundle, read from its own manifest. */
    static String slf4jPackages() {
        try {
            java.net.URL jar =
                    org.slf4j.LoggerFactory.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation();
            try (java.util.jar.JarFile file =
                    new java.util.jar.JarFile(new java.io.File(jar.toURI()))) {
                String exports = file.getManifest().getMainAttributes().getValue("Export-Package");
                if (exports != null) {
                    return exports;
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            // fall through to the known exports of SLF4J 2
        }
        return "org.slf4j;version=2.0.17,org.slf4j.spi;version=2.0.17,org.slf4j.event;version=2.0.17,"
                + "org.slf4j.helpers;version=2.0.17,org.slf4j;version=1.7.36,org.slf4j.helpers;version=1.7.36";
    }
}
