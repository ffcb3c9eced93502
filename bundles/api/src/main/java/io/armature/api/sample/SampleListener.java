package io.armature.api.sample;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Consumer of the best-effort live stream of accepted samples (device status, the console's live
 * charts). Consumers that must see every sample (alert rules, ML detectors) use {@link
 * DurableSampleConsumer} instead. Register an implementation as an OSGi service.
 *
 * <p>Called asynchronously on a delivery thread of its own owned by the core, never on the ingest
 * path, in the order samples were accepted. Each listener has a bounded queue (1,024 batches): a
 * listener that is slow falls behind on its own queue and can never stall ingest or other
 * listeners; <b>while its queue is full, new batches are skipped for that listener</b> (counted in
 * {@code /health} as {@code live_stream_skipped_batches}), so the live stream is best-effort. It is
 * not a way to see every stored sample: for that, query storage. An exception thrown is logged and
 * delivery goes on with the next batch. Batches accepted before the listener registered are not
 * replayed.
 */
@ConsumerType
public interface SampleListener {
    /**
     * Receives accepted samples. Must not block for long.
     *
     * @param batch accepted samples, in acceptance order
     */
    void onSamples(SampleBatch batch);
}
