package io.armature.storage.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Series ids of (schema, device, metric), cached; unknown series are registered on write. */
final class SeriesIds {
    private record Key(String schema, String device, String metric) {}

    private final Map<Key, Integer> cache = new ConcurrentHashMap<>();

    private static Key key(String schema, String device, String metric) {
        return new Key(schema, device, metric);
    }

    /** The id of a series, registering it when new. */
    int resolve(Connection connection, String schema, String device, String metric)
            throws SQLException {
        Key key = key(schema, device, metric);
        Integer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "INSERT INTO "
                                + schema
                                + ".series (device, metric) VALUES (?, ?) "
                                + "ON CONFLICT (device, metric) DO UPDATE SET device = EXCLUDED.device RETURNING id")) {
            statement.setString(1, device);
            statement.setString(2, metric);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                int id = result.getInt(1);
                cache.put(key, id);
                return id;
            }
        }
    }

    /** The id of an existing series, without registering it. */
    Optional<Integer> find(Connection connection, String schema, String device, String metric)
            throws SQLException {
        Key key = key(schema, device, metric);
        Integer cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "SELECT id FROM " + schema + ".series WHERE device = ? AND metric = ?")) {
            statement.setString(1, device);
            statement.setString(2, metric);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                cache.put(key, result.getInt(1));
                return Optional.of(result.getInt(1));
            }
        }
    }

    /** Forgets the cached ids of a schema, or of one device in it when device is not null. */
    void forget(String schema, String device) {
        cache.keySet()
                .removeIf(
                        k ->
                                k.schema().equals(schema)
                                        && (device == null || k.device().equals(device)));
    }
}
