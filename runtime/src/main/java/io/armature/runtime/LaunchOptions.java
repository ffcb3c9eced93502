package io.armature.runtime;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of {@code bin/armature}. */
@Command(
        name = "armature",
        mixinStandardHelpOptions = true,
        description = "Starts the Armature IoT runtime with a customer profile.")
public final class LaunchOptions implements Callable<Integer> {
    @Option(
            names = "--profile",
            description = "profile in config/profiles (default: ${DEFAULT-VALUE})",
            defaultValue = "demo")
    String profile;

    @Option(
            names = "--port",
            description = "HTTP port (default: ${DEFAULT-VALUE})",
            defaultValue = "8080")
    int port;

    @Option(names = "--data", description = "data directory (default: <home>/data)")
    Path data;

    @Option(
            names = "--home",
            description = "runtime home (default: the directory above bin/)",
            hidden = true)
    Path home;

    @Override
    public Integer call() throws Exception {
        Path resolvedHome =
                (home != null
                                ? home
                                : Path.of(
                                        System.getProperty(
                                                io.armature.boot.ArmatureProperties.HOME, ".")))
                        .toAbsolutePath()
                        .normalize();
        Path resolvedData =
                (data != null ? data : resolvedHome.resolve("data")).toAbsolutePath().normalize();
        return new Launcher(resolvedHome, resolvedData, profile, port).run();
    }
}
