package io.armature.api.alert;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a rule remembers about one series between evaluations (a hysteresis flag, a window of
 * values, a running mean), kept by the engine: saved to the database with the feed position in the
 * same transaction as the alerts the evaluations caused, and handed back after a restart, so a rule
 * resumes exactly where it was. Not thread-safe: used on the engine's thread only.
 */
@ProviderType
public interface RuleMemory {
    /** The number stored under {@code key}, or {@code absent}. */
    double get(String key, double absent);

    /** Stores a number (NaN and infinities are not stored: they remove the key). */
    void put(String key, double value);

    /** A copy of the array stored under {@code key}, null if none. */
    double[] array(String key);

    /** Stores a copy of an array (at most 10,000 elements). */
    void putArray(String key, double[] values);

    /** Forgets a key. */
    void remove(String key);
}
