package io.armature.security.vault.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.felix.cm.file.FilePersistenceManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealingPersistenceManagerTest {
    @TempDir Path data;

    private SealingPersistenceManager vault(Path secrets) throws Exception {
        return new SealingPersistenceManager(
                new FilePersistenceManager(data.resolve("config").toString()),
                ConfigCipher.of(secrets),
                (pid, factory) ->
                        "io.armature.storage.postgres".equals(factory)
                                ? Set.of("dbKey")
                                : Set.of());
    }

    private static Dictionary<String, Object> config(String password, String dbKey) {
        Dictionary<String, Object> d = new Hashtable<>();
        d.put("service.pid", "io.armature.storage.postgres~plant");
        d.put("service.factoryPid", "io.armature.storage.postgres");
        d.put("url", "jdbc:postgresql://db/plant");
        d.put("password", password);
        d.put("dbKey", dbKey);
        d.put("poolSize", 4);
        return d;
    }

    private String files() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(data.resolve("config"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void secretsAreSealedOnDiskAndPlainWhenRead() throws Exception {
        SealingPersistenceManager vault = vault(data.resolve("secrets"));
        vault.store("io.armature.storage.postgres~plant", config("pw-Alpha-1", "key-Beta-2"));
        String disk = files();
        assertFalse(disk.contains("pw-Alpha-1") || disk.contains("key-Beta-2"), disk);
        assertTrue(
                disk.contains("password=\"{sealed:v1}") && disk.contains("dbKey=\"{sealed:v1}"),
                disk);
        assertTrue(disk.contains("jdbc:postgresql://db/plant"), "other values stay readable");

        Dictionary<?, ?> loaded =
                vault(data.resolve("secrets")).load("io.armature.storage.postgres~plant");
        assertEquals("pw-Alpha-1", loaded.get("password"));
        assertEquals("key-Beta-2", loaded.get("dbKey"));
        assertEquals(4, loaded.get("poolSize"));
        Dictionary<?, ?> listed =
                (Dictionary<?, ?>) Collections.list(vault.getDictionaries()).get(0);
        assertEquals("pw-Alpha-1", listed.get("password"));
    }

    @Test
    void configurationsWrittenInClearBeforeAreSealedWhenFirstRead() throws Exception {
        new FilePersistenceManager(data.resolve("config").toString())
                .store(
                        "io.armature.storage.postgres~plant",
                        config("legacy-Secret-3", "legacy-Key-4"));
        assertTrue(files().contains("legacy-Secret-3"));
        Dictionary<?, ?> listed =
                (Dictionary<?, ?>)
                        Collections.list(vault(data.resolve("secrets")).getDictionaries()).get(0);
        assertEquals("legacy-Secret-3", listed.get("password"));
        assertFalse(files().contains("legacy-Secret-3"), files());
    }

    @Test
    void anotherKeyCannotOpenASealedValue() throws Exception {
        vault(data.resolve("secrets"))
                .store("io.armature.storage.postgres~plant", config("pw-Gamma-5", "k"));
        Dictionary<?, ?> loaded =
                vault(data.resolve("other-secrets")).load("io.armature.storage.postgres~plant");
        assertTrue(
                ((String) loaded.get("password")).startsWith("{sealed:v1}"),
                "left sealed, not garbage");
    }

    @Test
    void aSealedValueMovedToAnotherPropertyDoesNotOpen() throws Exception {
        ConfigCipher cipher = ConfigCipher.of(data.resolve("secrets"));
        String sealed = cipher.seal("s3cret", "pid/password");
        assertEquals("s3cret", cipher.open(sealed, "pid/password"));
        org.junit.jupiter.api.Assertions.assertThrows(
                java.security.GeneralSecurityException.class,
                () -> cipher.open(sealed, "pid/other"));
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve("secrets/config.key"))));
    }
}
