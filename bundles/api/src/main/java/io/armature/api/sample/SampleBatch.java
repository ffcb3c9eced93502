package io.armature.api.sample;

import java.util.List;

/**
 * An immutable, ordered group of samples handed over in one call. Order is kept: rejections refer
 * to a sample by its index in {@link #samples()}.
 *
 * @param samples the samples, copied on construction
 */
public record SampleBatch(List<Sample> samples) {
    public SampleBatch {
        samples = List.copyOf(samples);
    }

    /** A batch of the given samples. */
    public static SampleBatch of(Sample... samples) {
        return new SampleBatch(List.of(samples));
    }

    /** Number of samples in the batch. */
    public int size() {
        return samples.size();
    }
}
