package io.armature.api.device;

import io.armature.api.sample.Rejection;
import io.armature.api.sample.Sample;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry's check of the samples of one ingest batch, obtained from {@link
 * DeviceRegistry#admission()}: an unknown tenant or device is created or rejected by the tenant's
 * policy, and an admitted sample marks its device seen and registers its metric. Used by one thread
 * for one batch, then closed; {@link #close()} persists what the batch created.
 */
@ProviderType
public interface Admission extends AutoCloseable {
    /**
     * Checks one sample, whose fields are already valid identifiers.
     *
     * @param index the sample's position in its batch, for the rejection
     * @param sample the sample
     * @return why the sample may not enter ({@code unknown_tenant}, {@code unknown_device}), or
     *     empty when it was admitted
     */
    Optional<Rejection> check(int index, Sample sample);

    /** Ends the batch and saves what it registered. Never throws. */
    @Override
    void close();
}
