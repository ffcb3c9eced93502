package io.armature.security.vault.internal;

import io.armature.boot.SecretKeys;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.felix.cm.PersistenceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Felix's file persistence with secrets sealed: on the way to disk every secret property (a string
 * or strings) is encrypted, on the way back decrypted, so ConfigAdmin and the components see plain
 * values and the files under {@code data/config} never hold one. Secret are the properties the
 * metatype declares as {@code password} and those whose names look secret ({@link SecretKeys}).
 * Configurations written in clear by an older runtime are sealed when first read.
 */
final class SealingPersistenceManager implements PersistenceManager {
    private static final Logger LOG = LoggerFactory.getLogger(SealingPersistenceManager.class);
    private static final String SERVICE_PID = "service.pid";
    private static final String FACTORY_PID = "service.factoryPid";

    private final PersistenceManager files;
    private final ConfigCipher cipher;

    /** (pid, factory pid) -> the metatype's password attribute ids. */
    private final BiFunction<String, String, Set<String>> passwordAttributes;

    SealingPersistenceManager(
            PersistenceManager files,
            ConfigCipher cipher,
            BiFunction<String, String, Set<String>> passwordAttributes) {
        this.files = files;
        this.cipher = cipher;
        this.passwordAttributes = passwordAttributes;
    }

    @Override
    public boolean exists(String pid) {
        return files.exists(pid);
    }

    @Override
    public Dictionary load(String pid) throws IOException {
        return open(pid, files.load(pid));
    }

    @Override
    public Enumeration getDictionaries() throws IOException {
        List<Dictionary> all = new ArrayList<>();
        for (Object stored : Collections.list(files.getDictionaries())) {
            Dictionary dictionary = (Dictionary) stored;
            Object pid = dictionary.get(SERVICE_PID);
            if (pid instanceof String p && hasClearSecret(dictionary)) {
                files.store(p, seal(p, dictionary)); // written in clear before: seal it now
            }
            all.add(open(pid instanceof String p ? p : "", dictionary));
        }
        return Collections.enumeration(all);
    }

    @Override
    public void store(String pid, Dictionary properties) throws IOException {
        files.store(pid, seal(pid, properties));
    }

    @Override
    public void delete(String pid) throws IOException {
        files.delete(pid);
    }

    private boolean hasClearSecret(Dictionary dictionary) {
        for (Object key : Collections.list(dictionary.keys())) {
            Object value = dictionary.get(key);
            if (SecretKeys.looksSecret((String) key)
                    && value instanceof String s
                    && !ConfigCipher.isSealed(s)
                    && !s.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private Dictionary seal(String pid, Dictionary properties) {
        Object factory = properties.get(FACTORY_PID);
        Set<String> passwords =
                passwordAttributes.apply(pid, factory instanceof String f ? f : null);
        Hashtable<Object, Object> sealed = new Hashtable<>();
        for (Object key : Collections.list(properties.keys())) {
            Object value = properties.get(key);
            String name = (String) key;
            if (passwords.contains(name) || SecretKeys.looksSecret(name)) {
                value = sealValue(pid, name, value);
            }
            sealed.put(key, value);
        }
        return sealed;
    }

    private Object sealValue(String pid, String name, Object value) {
        if (value instanceof String s && !s.isEmpty() && !ConfigCipher.isSealed(s)) {
            return cipher.seal(s, pid + "/" + name);
        }
        if (value instanceof String[] array) {
            String[] out = new String[array.length];
            for (int i = 0; i < array.length; i++) {
                out[i] = (String) sealValue(pid, name + "[" + i + "]", array[i]);
            }
            return out;
        }
        return value;
    }

    private Dictionary open(String pid, Dictionary stored) {
        if (stored == null) {
            return null;
        }
        Hashtable<Object, Object> plain = new Hashtable<>();
        for (Object key : Collections.list(stored.keys())) {
            plain.put(key, openValue(pid, (String) key, stored.get(key)));
        }
        return plain;
    }

    private Object openValue(String pid, String name, Object value) {
        if (value instanceof String s && ConfigCipher.isSealed(s)) {
            try {
                return cipher.open(s, pid + "/" + name);
            } catch (GeneralSecurityException e) {
                // never the value itself in the log; the component gets the sealed text and fails
                LOG.error(
                        "secret {} of configuration {} cannot be decrypted with data/secrets/{}:"
                                + " was the key replaced?",
                        name,
                        pid,
                        ConfigCipher.KEY_FILE);
                return s;
            }
        }
        if (value instanceof String[] array) {
            String[] out = new String[array.length];
            for (int i = 0; i < array.length; i++) {
                out[i] = (String) openValue(pid, name + "[" + i + "]", array[i]);
            }
            return out;
        }
        return value;
    }
}
