package io.armature.api.ml;

import io.armature.api.sample.Sample;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An online anomaly detector for one or more series. Register as an OSGi service.
 *
 * <p><b>Not yet called by the runtime.</b> Today the core only lists registered detectors in the
 * plugin registry; nothing feeds them samples. The ML work will feed them the live stream and may
 * reshape this interface when it does. The intended contract: one thread per detector, so it may
 * keep state without locking.
 */
@ConsumerType
public interface AnomalyDetector {
    /** Detector id, unique in the runtime. */
    String id();

    /**
     * Learns from the sample and scores it. Scores are non-negative; 0 is perfectly normal, and
     * values above the detector's documented threshold (typically 1) are anomalous.
     */
    double score(Sample sample);
}
