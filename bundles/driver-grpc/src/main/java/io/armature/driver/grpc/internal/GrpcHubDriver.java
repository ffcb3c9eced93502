package io.armature.driver.grpc.internal;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.DeviceCommand;
import io.armature.api.driver.DriverContext;
import io.armature.api.driver.DriverType;
import io.armature.api.driver.ProtocolDriver;
import io.armature.api.security.Authenticator;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gRPC hub: a server on one port serving the seed's {@code Hub} and {@code
 * armature.hub.v1.DeviceHub}. One instance per factory configuration of {@value #PID}. A port that
 * cannot be bound fails the start (retried with backoff).
 */
@Component(
        configurationPid = GrpcHubDriver.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ProtocolDriver.class)
@Designate(ocd = GrpcHubConfig.class, factory = true)
@DriverType("grpc")
public final class GrpcHubDriver implements ProtocolDriver {
    /** Factory PID of gRPC hub instances. */
    public static final String PID = "io.armature.driver.grpc";

    private static final Logger LOG = LoggerFactory.getLogger(GrpcHubDriver.class);

    private final GrpcHubConfig config;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry registry;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    private volatile Server server;
    private volatile CommandStreams commands;

    @Activate
    public GrpcHubDriver(GrpcHubConfig config) {
        this.config = config;
        boolean cert = !config.tlsCertificate().isBlank();
        boolean key = !config.tlsPrivateKey().isBlank();
        if (cert != key) {
            throw new IllegalArgumentException(
                    "TLS needs both tlsCertificate and tlsPrivateKey (PEM files)");
        }
        if (cert && !new File(config.tlsCertificate()).canRead()) {
            throw new IllegalArgumentException(
                    "tlsCertificate '" + config.tlsCertificate() + "' cannot be read");
        }
        if (key && !new File(config.tlsPrivateKey()).canRead()) {
            throw new IllegalArgumentException(
                    "tlsPrivateKey '" + config.tlsPrivateKey() + "' cannot be read");
        }
    }

    @Override
    public void start(DriverContext context) throws Exception {
        CommandStreams streams = new CommandStreams();
        TokenInterceptor tokens = new TokenInterceptor(config.requireToken(), () -> authenticator);
        NettyServerBuilder builder =
                NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
                        .maxInboundMessageSize(config.maxMessageBytes())
                        .addService(
                                ServerInterceptors.intercept(
                                        new SeedHubService(
                                                context,
                                                () -> registry,
                                                new MetricDescriber(() -> registry),
                                                config.batchSamples()),
                                        tokens))
                        .addService(
                                ServerInterceptors.intercept(
                                        new DeviceHubService(context, streams), tokens));
        if (!config.tlsCertificate().isBlank()) {
            builder.useTransportSecurity(
                    new File(config.tlsCertificate()), new File(config.tlsPrivateKey()));
        }
        Server started;
        try {
            started = builder.build().start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "cannot listen on "
                            + config.host()
                            + ":"
                            + config.port()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        commands = streams;
        server = started;
        LOG.info(
                "driver {} serves gRPC on {}:{}{}{}",
                context.driverId(),
                config.host(),
                started.getPort(),
                config.tlsCertificate().isBlank() ? "" : " (TLS)",
                config.requireToken() ? "" : " WITHOUT token authentication");
    }

    @Override
    public void stop() {
        Server running = server;
        server = null;
        CommandStreams streams = commands;
        commands = null;
        if (streams != null) {
            streams.closeAll();
        }
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                    running.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean acceptsCommands() {
        return true;
    }

    @Override
    public void execute(DeviceCommand command, CommandCallback callback) {
        CommandStreams streams = commands;
        if (streams == null) {
            callback.refused("the hub is not running");
            return;
        }
        streams.deliver(command, callback);
    }
}
