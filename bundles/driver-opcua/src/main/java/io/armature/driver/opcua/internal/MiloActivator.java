package io.armature.driver.opcua.internal;

import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Releases Milo's shared threads (netty event loop, executors, wheel timer) when this bundle stops,
 * so that updating or uninstalling it leaves no thread behind. It runs after DS has deactivated the
 * bundle's driver instances (SCR deactivates them while the bundle is stopping, before its
 * activator's stop); Milo creates the shared resources again on next use.
 */
public final class MiloActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        // Milo creates its shared resources lazily, on the first connect
    }

    @Override
    public void stop(BundleContext context) {
        Stack.releaseSharedResources(5, TimeUnit.SECONDS);
    }
}
