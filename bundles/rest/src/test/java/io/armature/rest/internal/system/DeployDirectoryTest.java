package io.armature.rest.internal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployDirectoryTest {
    @TempDir Path dir;

    static byte[] jar(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes()
                    .putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
            manifest.getMainAttributes().putValue("Bundle-Version", "1.2.3");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JarOutputStream(out, manifest).close();
        return out.toByteArray();
    }

    @Test
    void writesAValidBundleUnderItsSymbolicNameAndLeavesNoTemporaryFile() throws Exception {
        DeployDirectory deploy = new DeployDirectory(dir);
        Path written = deploy.deploy(new ByteArrayInputStream(jar("com.acme.press")));
        assertEquals(dir.resolve("com.acme.press.jar"), written);
        assertEquals(
                new DeployDirectory.JarIdentity("com.acme.press", "1.2.3"),
                DeployDirectory.inspect(written));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void refusesNonJarsAndJarsWithoutBundleManifestAndKeepsNothing() throws Exception {
        DeployDirectory deploy = new DeployDirectory(dir);
        var notZip =
                assertThrows(
                        DeployDirectory.InvalidBundleException.class,
                        () -> deploy.deploy(new ByteArrayInputStream("garbage".getBytes())));
        assertTrue(notZip.getMessage().contains("not a valid jar"), notZip.getMessage());
        var plainJar =
                assertThrows(
                        DeployDirectory.InvalidBundleException.class,
                        () -> deploy.deploy(new ByteArrayInputStream(jar(null))));
        assertTrue(plainJar.getMessage().contains("Bundle-SymbolicName"), plainJar.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void reportsJarsThatNoBundleCameFromWithTheirReason() throws Exception {
        Files.writeString(dir.resolve("broken.jar"), "not a zip");
        var failed = new DeployDirectory(dir).failedJars(new org.osgi.framework.Bundle[0]);
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).reason().contains("not a valid jar"));
    }
}
