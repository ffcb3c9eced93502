package io.armature.api.sample;

/**
 * Why one sample of a batch was not accepted.
 *
 * @param index position of the sample in its {@link SampleBatch}
 * @param reason machine-readable reason code, for example {@code non_finite_value}
 * @param message human-readable explanation naming the offending value
 */
public record Rejection(int index, String reason, String message) {}
