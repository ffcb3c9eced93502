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

    @Option(
            names = "--host",
            description =
                    "address to listen on (default: the profile's \"host\", else 127.0.0.1;"
                            + " 0.0.0.0 for every interface)")
    String host;

    @Option(
            names = "--tls",
            description =
                    "serve HTTPS too: with --keystore, or a self-signed certificate created at"
                            + " the first start in <data>/secrets/tls.p12")
    boolean tls;

    @Option(
            names = "--tls-port",
            description = "HTTPS port (default: ${DEFAULT-VALUE})",
            defaultValue = "8443")
    int tlsPort;

    @Option(names = "--no-http", description = "switch plain HTTP off (needs --tls)")
    boolean noHttp;

    @Option(names = "--keystore", description = "PKCS#12 keystore with the server certificate")
    Path keystore;

    @Option(
            names = "--keystore-password-file",
            description = "file holding the keystore's password")
    Path keystorePasswordFile;

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
        if (noHttp && !tls) {
            Console.error("cannot start: --no-http needs --tls (nothing would be served)");
            return Launcher.EXIT_CONFIGURATION;
        }
        Listen listen =
                new Listen(host, port, !noHttp, tls, tlsPort, keystore, keystorePasswordFile);
        return new Launcher(resolvedHome, resolvedData, profile, listen).run();
    }
}
