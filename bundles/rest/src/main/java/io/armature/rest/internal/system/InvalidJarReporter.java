package io.armature.rest.internal.system;

import java.io.File;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims the jars of the deploy directory that are not installable bundles, so that FileInstall
 * (which skips them silently) leaves them to us, and logs the reason once per change of the file.
 * {@code GET /api/v1/system/bundles} reports the same reason.
 */
@Component(name = "io.armature.rest.invalidjars")
public final class InvalidJarReporter implements ArtifactInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidJarReporter.class);

    @Override
    public boolean canHandle(File artifact) {
        if (!artifact.getName().endsWith(".jar")) {
            return false;
        }
        try {
            DeployDirectory.inspect(artifact.toPath());
            return false;
        } catch (DeployDirectory.InvalidBundleException e) {
            return true;
        }
    }

    @Override
    public void install(File artifact) {
        report(artifact);
    }

    @Override
    public void update(File artifact) {
        report(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        LOG.info("{} removed from the deploy directory", artifact.getName());
    }

    private static void report(File artifact) {
        try {
            DeployDirectory.inspect(artifact.toPath());
        } catch (DeployDirectory.InvalidBundleException e) {
            LOG.warn(
                    "{} in the deploy directory is not installed: {}",
                    artifact.getName(),
                    e.getMessage());
        }
    }
}
