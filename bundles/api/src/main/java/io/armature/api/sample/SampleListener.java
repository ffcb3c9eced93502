package io.armature.api.sample;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Consumer of the live stream of accepted samples (alert rules, ML modules, device status, the
 * console's live charts). Register an implementation as an OSGi service.
 *
 * <p>Called asynchronously on a delivery thread owned by the core, never on the ingest path, in the
 * order samples were accepted per listener. A listener that is slow falls behind on its own queue;
 * it can never stall ingest. Exceptions thrown are logged and counted, and delivery goes on.
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
