package io.armature.ingest.internal.writer;

import java.io.IOException;

/**
 * Where every accepted batch is also written, in the step that journals it (the durable sample
 * feed). An exception refuses the batch, as a journal failure does.
 */
public interface AcceptedLog {
    /** Logs nothing. */
    AcceptedLog NONE = (encoded, samples) -> {};

    /**
     * @param encoded the batch in the journal's encoding ({@link SpoolCodec})
     * @param samples how many samples it holds
     */
    void append(byte[] encoded, int samples) throws IOException;
}
