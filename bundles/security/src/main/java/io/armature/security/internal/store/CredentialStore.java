package io.armature.security.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.armature.api.security.Grant;
import io.armature.boot.DurableFiles;
import io.armature.boot.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and API tokens, in memory for lookups on every request and written through to one JSON file
 * (atomically, in a directory only the runtime's user can read). Tokens are kept as SHA-256
 * digests, passwords as Argon2id hashes: the file holds no usable credential. Last-use times are
 * collected in memory and written by {@link #flushLastUsed()} (every minute and at stop), not on
 * each request.
 */
public final class CredentialStore {
    /** A user; {@code passwordHash} is an Argon2id PHC string. */
    public record User(
            String name,
            String passwordHash,
            List<Grant> grants,
            boolean disabled,
            Instant createdAt,
            Instant passwordChangedAt) {
        public User {
            grants = List.copyOf(grants);
        }
    }

    /** A token; {@code digest} is the SHA-256 of the token, {@code expiresAt} may be null. */
    public record Token(
            String id,
            String name,
            String owner,
            String digest,
            List<Grant> grants,
            Instant createdAt,
            Instant expiresAt) {
        public Token {
            grants = List.copyOf(grants);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Token> tokensById = new ConcurrentHashMap<>();
    private final Map<String, Token> tokensByDigest = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
    private volatile boolean lastUsedDirty;

    private CredentialStore(Path file) {
        this.file = file;
    }

    /** Opens (or creates, empty) the store kept in {@code file}. */
    public static CredentialStore open(Path file) throws IOException {
        PrivateFiles.createDirectory(file.getParent());
        CredentialStore store = new CredentialStore(file);
        if (Files.exists(file)) {
            store.read(JSON.readTree(file.toFile()));
        }
        return store;
    }

    public Collection<User> users() {
        return users.values();
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public synchronized void putUser(User user) {
        users.put(user.name(), user);
        save();
    }

    /** Removes a user and every token of theirs. */
    public synchronized boolean removeUser(String name) {
        if (users.remove(name) == null) {
            return false;
        }
        tokensById.values().removeIf(token -> token.owner().equals(name));
        tokensByDigest.values().removeIf(token -> token.owner().equals(name));
        save();
        return true;
    }

    public Collection<Token> tokens() {
        return tokensById.values();
    }

    public Optional<Token> token(String id) {
        return Optional.ofNullable(tokensById.get(id));
    }

    public Optional<Token> tokenByDigest(String digest) {
        return Optional.ofNullable(tokensByDigest.get(digest));
    }

    public synchronized void putToken(Token token) {
        tokensById.put(token.id(), token);
        tokensByDigest.put(token.digest(), token);
        save();
    }

    public synchronized boolean removeToken(String id) {
        Token token = tokensById.remove(id);
        if (token == null) {
            return false;
        }
        tokensByDigest.remove(token.digest());
        lastUsed.remove(id);
        save();
        return true;
    }

    /** Records a token's use; written by the next {@link #flushLastUsed()}. */
    public void touch(String tokenId, Instant when) {
        lastUsed.put(tokenId, when);
        lastUsedDirty = true;
    }

    public Optional<Instant> lastUsed(String tokenId) {
        return Optional.ofNullable(lastUsed.get(tokenId));
    }

    public synchronized void flushLastUsed() {
        if (lastUsedDirty) {
            save();
        }
    }

    private void save() {
        lastUsedDirty = false;
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode userArray = root.putArray("users");
        for (User user : users.values()) {
            ObjectNode node = userArray.addObject();
            node.put("name", user.name());
            node.put("password_hash", user.passwordHash());
            node.set("grants", GrantsJson.write(user.grants()));
            node.put("disabled", user.disabled());
            node.put("created_at", user.createdAt().toString());
            node.put("password_changed_at", user.passwordChangedAt().toString());
        }
        ArrayNode tokenArray = root.putArray("tokens");
        for (Token token : tokensById.values()) {
            ObjectNode node = tokenArray.addObject();
            node.put("id", token.id());
            node.put("name", token.name());
            node.put("owner", token.owner());
            node.put("sha256", token.digest());
            node.set("grants", GrantsJson.write(token.grants()));
            node.put("created_at", token.createdAt().toString());
            node.put("expires_at", token.expiresAt() == null ? null : token.expiresAt().toString());
            Instant used = lastUsed.get(token.id());
            node.put("last_used_at", used == null ? null : used.toString());
        }
        try {
            DurableFiles.writeAtomically(
                    file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            PrivateFiles.restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("credentials could not be saved to " + file, e);
        }
    }

    private void read(JsonNode root) throws IOException {
        List<String> errors = new ArrayList<>();
        for (JsonNode node : root.path("users")) {
            User user =
                    new User(
                            node.path("name").asText(),
                            node.path("password_hash").asText(),
                            GrantsJson.read(node.get("grants"), "grants", errors),
                            node.path("disabled").asBoolean(),
                            Instant.parse(node.path("created_at").asText()),
                            Instant.parse(node.path("password_changed_at").asText()));
            users.put(user.name(), user);
        }
        for (JsonNode node : root.path("tokens")) {
            Token token =
                    new Token(
                            node.path("id").asText(),
                            node.path("name").asText(),
                            node.path("owner").asText(),
                            node.path("sha256").asText(),
                            GrantsJson.read(node.get("grants"), "grants", errors),
                            Instant.parse(node.path("created_at").asText()),
                            instant(node.get("expires_at")));
            tokensById.put(token.id(), token);
            tokensByDigest.put(token.digest(), token);
            Instant used = instant(node.get("last_used_at"));
            if (used != null) {
                lastUsed.put(token.id(), used);
            }
        }
        if (!errors.isEmpty()) {
            throw new IOException("credential file " + file + " is damaged: " + errors);
        }
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }
}
