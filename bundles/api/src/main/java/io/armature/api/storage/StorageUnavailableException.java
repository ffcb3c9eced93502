package io.armature.api.storage;

/**
 * The backend cannot be reached right now (connection refused, database restarting). Callers should
 * retry later: ingest spools the batch to disk, queries answer HTTP 503.
 */
public class StorageUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
