package io.armature.runtime;

import io.armature.boot.BootPlan;
import io.armature.boot.BundleRef;
import io.armature.boot.FeatureFormatException;
import io.armature.boot.LaunchHook;
import io.armature.boot.Variables;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Validates the boot plan (profile, features, bundles), starts Felix with the enabled features'
 * bundles at their start levels, announces the URL when {@code /health} answers, and stops the
 * framework cleanly on SIGTERM.
 */
final class Launcher {
    static final int EXIT_CONFIGURATION = 2;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path data;
    private final String profile;
    private final int port;

    /** As given on the command line; its host may be null (then the profile's or 127.0.0.1). */
    private final Listen requested;

    Launcher(Path home, Path data, String profile, Listen listen) {
        this.home = home;
        this.data = data;
        this.profile = profile;
        this.port = listen.port();
        this.requested = listen;
    }

    int run() throws Exception {
        Instant started = Instant.now();
        BootPlan plan;
        try {
            plan = BootPlan.load(home, data, profile, Variables.fromEnvironment());
        } catch (FeatureFormatException e) {
            Console.error("cannot start: " + e.getMessage());
            return EXIT_CONFIGURATION;
        }
        trace(started, "boot plan read");
        if (!portFree(port)) {
            Console.error(
                    "cannot start: port "
                            + port
                            + " is already in use (choose another with --port)");
            return 1;
        }
        Files.createDirectories(data);
        Files.createDirectories(home.resolve("deploy"));
        if (DataDirectoryLock.acquire(data) == null) {
            Console.error(
                    "cannot start: another runtime is using "
                            + data
                            + " (choose another with --data)");
            return 1;
        }
        String version = Launcher.class.getPackage().getImplementationVersion();
        List<LaunchHook.Started> hooks = startHooks(plan);
        trace(started, "launch hooks started");
        Map<String, String> properties =
                new HashMap<>(
                        FrameworkProperties.of(
                                home, data, profile, port, version == null ? "dev" : version));
        hooks.forEach(hook -> properties.putAll(hook.frameworkProperties()));
        Listen listen = requested.orHost(plan.profile().host());
        try {
            properties.putAll(Tls.properties(listen, data));
        } catch (IOException e) {
            Console.error("cannot start: " + e.getMessage());
            hooks.forEach(LaunchHook.Started::close);
            return EXIT_CONFIGURATION;
        }
        Felix felix = new Felix(new HashMap<>(properties));
        felix.init();
        trace(started, "framework initialised");
        if (Boolean.getBoolean("armature.boot.trace")) {
            traceStartLevels(felix, started);
        }
        install(felix.getBundleContext(), plan);
        if (Boolean.getBoolean("armature.boot.trace")) {
            Console.info(
                    "boot trace: "
                            + plan.enabledBundles().size()
                            + " bundles installed after "
                            + Duration.between(started, Instant.now()).toMillis()
                            + " ms");
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stop(felix);
                                    hooks.forEach(LaunchHook.Started::close);
                                },
                                "armature-shutdown"));
        felix.start();
        Console.info(
                "starting profile "
                        + profile
                        + " with features "
                        + String.join(", ", plan.enabled()));
        ReadinessProbe.Result ready = ReadinessProbe.await(listen, READY_TIMEOUT);
        if (ready.ready()) {
            Console.banner(version, listen, plan, data, Duration.between(started, Instant.now()));
        } else {
            Console.error("not ready after " + READY_TIMEOUT.toSeconds() + " s: " + ready.detail());
        }
        FrameworkEvent event = felix.waitForStop(0);
        return event.getType() == FrameworkEvent.ERROR ? 1 : 0;
    }

    /**
     * Starts what the plan needs outside the framework (the embedded database, …): every {@link
     * LaunchHook} on the class path is asked; the launcher names none of them.
     */
    private List<LaunchHook.Started> startHooks(BootPlan plan) throws IOException {
        List<LaunchHook.Started> started = new ArrayList<>();
        for (LaunchHook hook : ServiceLoader.load(LaunchHook.class)) {
            hook.start(plan, data).ifPresent(started::add);
        }
        return started;
    }

    private static void install(BundleContext context, BootPlan plan) throws BundleException {
        for (BundleRef ref : plan.enabledBundles()) {
            Bundle bundle = context.installBundle(plan.bundleLocation(ref));
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            bundle.adapt(BundleStartLevel.class).setStartLevel(ref.startOrder());
            bundle.start();
        }
    }

    /** With {@code -Darmature.boot.trace=true}: how long the launcher took to reach a step. */
    private static void trace(Instant started, String step) {
        if (Boolean.getBoolean("armature.boot.trace")) {
            Console.info(
                    "boot trace: "
                            + step
                            + " after "
                            + Duration.between(started, Instant.now()).toMillis()
                            + " ms");
        }
    }

    /** With {@code -Darmature.boot.trace=true}: when each start level is reached. */
    private static void traceStartLevels(Felix felix, Instant started) {
        felix.getBundleContext()
                .addFrameworkListener(
                        event -> {
                            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED
                                    || event.getType() == FrameworkEvent.STARTED) {
                                Console.info(
                                        "boot trace: start level "
                                                + felix.adapt(
                                                                org.osgi.framework.startlevel
                                                                        .FrameworkStartLevel.class)
                                                        .getStartLevel()
                                                + " after "
                                                + Duration.between(started, Instant.now())
                                                        .toMillis()
                                                + " ms");
                            }
                        });
    }

    private static void stop(Felix felix) {
        if (felix.getState() != Bundle.ACTIVE && felix.getState() != Bundle.STARTING) {
            return;
        }
        Console.info("stopping");
        try {
            felix.stop();
            felix.waitForStop(30_000);
            Console.info("stopped");
        } catch (BundleException | InterruptedException e) {
            Console.error("unclean stop: " + e);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
