package io.armature.boot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A process the launcher starts before the framework and stops after it, for features that need one
 * outside OSGi (the embedded PostgreSQL server). Implementations sit on the launcher's class path
 * and are found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.armature.boot.LaunchHook}); the launcher names none of them.
 *
 * <p>{@link #start} is called on the launcher's main thread after the boot plan was validated and
 * must return quickly: slow work runs in the background while the framework boots.
 */
public interface LaunchHook {
    /**
     * Starts what the plan needs, if anything.
     *
     * @param plan the validated boot plan (enabled features, configurations)
     * @param data the data directory, locked by this launcher
     * @return what was started, or empty when the plan does not need this hook
     * @throws IOException when it cannot be started; the launcher stops with exit code 1
     */
    Optional<Started> start(BootPlan plan, Path data) throws IOException;

    /** A running process started by a hook. */
    interface Started extends AutoCloseable {
        /** Framework properties that tell bundles where to find it. */
        Map<String, String> frameworkProperties();

        /** Stops it; called after the framework has stopped. Never throws. */
        @Override
        void close();
    }
}
