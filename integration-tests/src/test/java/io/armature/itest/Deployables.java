package io.armature.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The jars the tests deploy: built by the reactor (template, probe) or made here (broken ones). */
final class Deployables {
    private Deployables() {}

    static Path template() {
        return jar("com.example.signal");
    }

    static Path probe() {
        return jar("io.armature.itest.probe");
    }

    private static Path jar(String artifactId) {
        Path jar =
                Path.of(
                        System.getProperty("armature.deployables.dir", "target/deployables"),
                        artifactId + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "missing " + jar + ": run the build through Maven (pre-integration-test)");
        }
        return jar;
    }

    /** A well-formed bundle that imports a package nobody exports. */
    static byte[] unresolvableBundle() throws IOException {
        Manifest manifest = new Manifest();
        var attributes = manifest.getMainAttributes();
        attributes.putValue("Manifest-Version", "1.0");
        attributes.putValue("Bundle-ManifestVersion", "2");
        attributes.putValue("Bundle-SymbolicName", "com.example.needs.missing");
        attributes.putValue("Bundle-Version", "1.0.0");
        attributes.putValue("Import-Package", "com.nowhere.missing;version=\"[2.0,3)\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JarOutputStream(out, manifest).close();
        return out.toByteArray();
    }
}
