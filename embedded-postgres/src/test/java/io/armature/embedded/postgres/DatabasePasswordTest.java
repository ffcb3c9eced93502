package io.armature.embedded.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasePasswordTest {
    @TempDir Path data;

    @Test
    void aTrustingClusterIsRewrittenToScramAndCommentsStay() throws Exception {
        Path cluster = Files.createDirectories(data.resolve("postgres"));
        Files.writeString(
                cluster.resolve("pg_hba.conf"),
                "# TYPE DATABASE USER ADDRESS METHOD; trust is insecure\n"
                        + "local   all all                trust\n"
                        + "host    all all 127.0.0.1/32   trust\n"
                        + "host    replication all ::1/128 md5\n");
        assertTrue(DatabasePassword.trusts(cluster));
        DatabasePassword.requireScram(cluster);
        assertFalse(DatabasePassword.trusts(cluster));
        String hba = Files.readString(cluster.resolve("pg_hba.conf"));
        assertTrue(hba.contains("local   all all                scram-sha-256"), hba);
        assertTrue(hba.contains("127.0.0.1/32   scram-sha-256"), hba);
        assertTrue(hba.contains("::1/128 md5"), "other methods untouched");
        assertTrue(hba.contains("# TYPE DATABASE USER ADDRESS METHOD; trust is insecure"));
    }

    @Test
    void passwordsAreRandomAndOnlyTheOwnerReadsThem() throws Exception {
        Path file = data.resolve("secrets/postgres.password");
        String first = DatabasePassword.create(file);
        assertEquals(first, DatabasePassword.read(file));
        assertTrue(first.length() >= 32);
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertNotEquals(first, DatabasePassword.create(file));
    }
}
