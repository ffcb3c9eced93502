package io.armature.ingest.internal;

import io.armature.api.sample.Identifiers;
import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks one sample before it is accepted: identifiers, finite value, time window. Stateless and
 * thread-safe.
 */
public final class SampleValidator {
    private final Duration maxFuture;
    private final Duration maxPast;

    /**
     * @param maxFuture how far after now a sample time may lie
     * @param maxPast how far before now a sample time may lie
     */
    public SampleValidator(Duration maxFuture, Duration maxPast) {
        this.maxFuture = maxFuture;
        this.maxPast = maxPast;
    }

    /** The reason to refuse the sample at {@code index}, or empty when it is valid. */
    public Optional<Rejection> check(int index, Sample sample, Instant now) {
        for (String[] id :
                new String[][] {
                    {"tenant", sample.tenant()},
                    {"device", sample.device()},
                    {"metric", sample.metric()}
                }) {
            if (!Identifiers.isValid(id[1])) {
                return Optional.of(
                        new Rejection(
                                index,
                                "malformed_" + id[0],
                                id[0] + " '" + id[1] + "' does not match [A-Za-z0-9_.:-]{1,64}"));
            }
        }
        if (!Double.isFinite(sample.value())) {
            return Optional.of(
                    new Rejection(
                            index,
                            "non_finite_value",
                            "value " + sample.value() + " is not a finite number"));
        }
        if (sample.time().isAfter(now.plus(maxFuture))) {
            return Optional.of(
                    new Rejection(
                            index,
                            "time_in_future",
                            "time "
                                    + sample.time()
                                    + " is more than "
                                    + maxFuture
                                    + " after now ("
                                    + now
                                    + ")"));
        }
        if (sample.time().isBefore(now.minus(maxPast))) {
            return Optional.of(
                    new Rejection(
                            index,
                            "time_too_old",
                            "time "
                                    + sample.time()
                                    + " is more than "
                                    + maxPast
                                    + " before now ("
                                    + now
                                    + ")"));
        }
        return Optional.empty();
    }
}
