package io.armature.api.ml;

import io.armature.api.storage.RawPage;
import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Fits a model to a regularly sampled history and predicts ahead (for example ARMA with AIC order
 * selection). Register as an OSGi service. Stateless between calls, thread-safe.
 *
 * <p><b>Not yet called by the runtime.</b> Today the core only lists registered forecasters in the
 * plugin registry; no REST endpoint or rule asks them for a forecast yet. The ML work may reshape
 * this interface when it wires them in.
 */
@ConsumerType
public interface Forecaster {
    /** Forecaster id, unique in the runtime. */
    String id();

    /**
     * Forecasts {@code horizon} steps of width {@code step} after the last history point.
     *
     * @param history points in time order, evenly spaced by {@code step}
     * @throws IllegalArgumentException when the history is too short to fit the model
     */
    Forecast forecast(List<RawPage.Point> history, Duration step, int horizon);
}
