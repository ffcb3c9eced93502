package io.armature.tools.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.armature.api.sample.Sample;
import io.armature.api.sensor.SensorType;
import io.armature.sensor.models.internal.BuiltInTypes;
import io.armature.sensor.models.internal.simulator.SensorSpec;
import io.armature.sensor.models.internal.simulator.SimulatedSensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/armature-device}: a simulated device in a process of its own, as the seed's devices
 * are: registers itself over REST, streams its sensors' samples to the gRPC hub ({@code
 * armature.hub.v1.DeviceHub/StreamSamples}), sends heartbeats ({@code Hub/SendDeviceStatus}) and
 * answers commands from its command stream. Prints progress once a second and a summary at the end;
 * exits 0 when every sample it sent was acknowledged.
 */
@Command(
        name = "armature-device",
        mixinStandardHelpOptions = true,
        description = "A simulated device streaming to an Armature gRPC hub.")
public final class DeviceSimulator implements Callable<Integer> {
    @Option(names = "--url", description = "REST base URL (default ${DEFAULT-VALUE})")
    String url = "http://127.0.0.1:8080";

    @Option(names = "--hub", description = "gRPC hub host:port (default ${DEFAULT-VALUE})")
    String hub = "127.0.0.1:50051";

    @Option(names = "--tls", description = "connect to the hub with TLS (JVM trust store)")
    boolean tls;

    @Option(
            names = "--token",
            description = "API token (default: the environment variable ARMATURE_TOKEN)")
    String token = System.getenv("ARMATURE_TOKEN");

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--device", required = true)
    String device;

    @Option(
            names = "--sensors",
            required = true,
            description = "JSON file: an array of sensors in the body shape of POST …/sensors")
    Path sensorsFile;

    @Option(
            names = "--rate",
            description =
                    "samples per second per sensor; default: each sensor's sampling_interval;"
                            + " 0 = as fast as the hub acknowledges (needs --count; times end now)")
    Double rate;

    @Option(names = "--count", description = "samples per sensor, then exit; 0 = until stopped")
    long count;

    @Option(
            names = "--heartbeat",
            description = "seconds between heartbeats (default ${DEFAULT-VALUE})")
    int heartbeatSeconds = 10;

    @Option(names = "--seed", description = "seed of the randomness (default ${DEFAULT-VALUE})")
    long seed = 1;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeviceSimulator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (token == null || token.isBlank()) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "an API token is needed: --token or ARMATURE_TOKEN");
        }
        if (rate != null && rate == 0 && count <= 0) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--rate 0 needs --count");
        }
        List<SimulatedSensor> sensors = sensors();
        var types = sensors.stream().map(s -> s.spec().type()).collect(Collectors.toSet());
        System.out.println(
                new Registration(url, token)
                        .register(
                                tenant,
                                device,
                                types.size() == 1 ? types.iterator().next() : null));
        try (HubClient client = new HubClient(hub, tls, token, tenant, device)) {
            Commands commands = new Commands(client, sensors);
            client.receiveCommands(commands::handle);
            client.heartbeat();
            client.open();
            Progress progress = new Progress(client);
            Runtime.getRuntime().addShutdownHook(new Thread(progress::summary));
            Thread beats = heartbeats(client);
            produce(client, sensors, commands);
            client.finish(60);
            beats.interrupt();
            progress.stop();
            progress.summary();
            return client.accepted.get() + client.rejected.get() == client.sent.get() ? 0 : 1;
        }
    }

    private List<SimulatedSensor> sensors() throws Exception {
        JsonNode bodies = new ObjectMapper().readTree(Files.readString(sensorsFile));
        if (!bodies.isArray() || bodies.isEmpty()) {
            throw new IllegalArgumentException(
                    sensorsFile + ": must be a non-empty JSON array of sensors");
        }
        Map<String, SensorType> types =
                BuiltInTypes.all().stream()
                        .collect(Collectors.toMap(SensorType::id, Function.identity()));
        List<String> errors = new ArrayList<>();
        List<SimulatedSensor> sensors = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            SensorSpec spec = SensorSpec.parse(bodies.get(i), types::get, "[" + i + "].", errors);
            if (spec != null) {
                long sensorSeed = spec.seedOr(seed, i);
                sensors.add(new SimulatedSensor(spec, types.get(spec.type()), sensorSeed));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(sensorsFile + ": " + String.join("; ", errors));
        }
        return sensors;
    }

    private Thread heartbeats(HubClient client) {
        Thread t =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()
                                    && heartbeatSeconds > 0) {
                                try {
                                    Thread.sleep(heartbeatSeconds * 1000L); // the heartbeat period
                                    client.heartbeat();
                                } catch (InterruptedException e) {
                                    return;
                                } catch (RuntimeException e) {
                                    System.err.println("heartbeat failed: " + e.getMessage());
                                }
                            }
                        },
                        "heartbeats");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Sample k of each sensor at start + k·interval, paced in real time unless --rate 0. */
    private void produce(HubClient client, List<SimulatedSensor> sensors, Commands commands)
            throws InterruptedException {
        boolean fast = rate != null && rate == 0;
        Duration[] spacing = new Duration[sensors.size()];
        for (int i = 0; i < sensors.size(); i++) {
            spacing[i] =
                    rate == null || fast
                            ? sensors.get(i).interval()
                            : Duration.ofNanos(Math.round(1e9 / rate));
        }
        Instant start = Instant.now();
        Instant[] origin = new Instant[sensors.size()];
        for (int i = 0; i < sensors.size(); i++) {
            origin[i] = fast ? start.minus(spacing[i].multipliedBy(count)) : start;
        }
        long[] next = new long[sensors.size()];
        List<Sample> batch = new ArrayList<>();
        long flushAt = System.nanoTime() + 100_000_000L;
        while (true) {
            boolean allDone = true;
            Instant now = Instant.now();
            for (int i = 0; i < sensors.size(); i++) {
                while ((count == 0 || next[i] < count)
                        && (fast || !origin[i].plus(spacing[i].multipliedBy(next[i])).isAfter(now))
                        && batch.size() < 1_000) {
                    Instant time = origin[i].plus(spacing[i].multipliedBy(next[i]++));
                    List<Sample> samples = sensors.get(i).next(tenant, device, time);
                    if (!commands.paused()) {
                        batch.addAll(samples);
                    }
                }
                allDone &= count > 0 && next[i] >= count;
            }
            if (batch.size() >= 1_000 || System.nanoTime() >= flushAt || allDone) {
                client.send(batch);
                batch = new ArrayList<>();
                flushAt = System.nanoTime() + 100_000_000L;
            }
            if (allDone) {
                return;
            }
            if (!fast) {
                Thread.sleep(5); // pacing: real-time sampling intervals
            }
        }
    }
}
