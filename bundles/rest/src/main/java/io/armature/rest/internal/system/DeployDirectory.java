package io.armature.rest.internal.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * The hot-deploy directory watched by FileInstall. Uploads are checked (a jar with an OSGi
 * manifest), written beside the target under a hidden temporary name and moved in atomically, so
 * FileInstall never sees half a file.
 */
final class DeployDirectory {
    /** A checked upload: the bundle symbolic name and version its manifest declares. */
    record JarIdentity(String symbolicName, String version) {}

    private final Path directory;

    DeployDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** True when the bundle was installed from this directory. */
    boolean contains(Bundle bundle) {
        return pathOf(bundle.getLocation()).map(p -> p.getParent().equals(directory)).orElse(false);
    }

    /** Writes a checked jar as {@code <symbolic-name>.jar}, replacing an earlier version. */
    Path deploy(InputStream content) throws IOException, InvalidBundleException {
        Files.createDirectories(directory);
        Path temp = directory.resolve(".upload-" + UUID.randomUUID() + ".tmp");
        try {
            Files.copy(content, temp);
            JarIdentity identity = inspect(temp);
            Path target = directory.resolve(identity.symbolicName() + ".jar");
            Files.move(
                    temp,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads the OSGi identity of a jar, or explains why it is not a bundle. */
    static JarIdentity inspect(Path jar) throws InvalidBundleException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw new InvalidBundleException(
                        "jar has no META-INF/MANIFEST.MF: not an OSGi bundle");
            }
            Attributes main = manifest.getMainAttributes();
            String bsn = main.getValue("Bundle-SymbolicName");
            if (bsn == null || bsn.isBlank()) {
                throw new InvalidBundleException(
                        "manifest has no Bundle-SymbolicName header: not an OSGi bundle");
            }
            String name = bsn.split(";")[0].trim();
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new InvalidBundleException(
                        "Bundle-SymbolicName '" + name + "' is not a valid symbolic name");
            }
            String version = main.getValue("Bundle-Version");
            return new JarIdentity(name, version == null ? "0.0.0" : version.trim());
        } catch (IOException e) {
            throw new InvalidBundleException("not a valid jar (zip) file: " + e.getMessage());
        }
    }

    /**
     * Jars in the directory that no installed bundle came from, each with the reason it could not
     * be installed.
     */
    List<FailedJar> failedJars(Bundle[] installed) {
        List<Path> locations = new ArrayList<>();
        for (Bundle bundle : installed) {
            pathOf(bundle.getLocation()).ifPresent(locations::add);
        }
        List<FailedJar> failed = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path jar :
                    files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                            .sorted()
                            .toList()) {
                if (!locations.contains(jar.toAbsolutePath().normalize())) {
                    failed.add(new FailedJar(jar, reason(jar)));
                }
            }
        } catch (IOException e) {
            return failed;
        }
        return failed;
    }

    /** A deploy jar that is not installed, and why. */
    record FailedJar(Path file, String reason) {}

    private static String reason(Path jar) {
        try {
            inspect(jar);
            return "not installed yet, or refused by the framework (see the log)";
        } catch (InvalidBundleException e) {
            return e.getMessage();
        }
    }

    static Optional<Path> pathOf(String location) {
        try {
            URI uri = URI.create(location);
            if ("file".equals(uri.getScheme())) {
                return Optional.of(Path.of(uri).toAbsolutePath().normalize());
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The uploaded content is not an installable bundle. */
    static final class InvalidBundleException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidBundleException(String message) {
            super(message);
        }
    }
}
