package io.armature.core.internal.driver;

import io.armature.api.device.DeviceRegistry;
import io.armature.api.driver.CommandCallback;
import io.armature.api.driver.CommandNotRoutableException;
import io.armature.api.driver.CommandRecord;
import io.armature.api.driver.CommandState;
import io.armature.api.driver.DeviceCommand;
import io.armature.api.driver.DeviceCommands;
import io.armature.api.driver.ProtocolDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes commands to the owning driver and keeps the last {@value DeviceCommands#HISTORY} per
 * device, each advanced by its driver's callback and timed out by the timer.
 */
final class CommandRouter implements DeviceCommands {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    private final DeviceOwners owners;
    private final Function<String, DriverSlot> slots;
    private final Supplier<DeviceRegistry> registry;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Map<String, Deque<Entry>> history = new ConcurrentHashMap<>();

    CommandRouter(
            DeviceOwners owners,
            Function<String, DriverSlot> slots,
            Supplier<DeviceRegistry> registry,
            ScheduledExecutorService timer,
            Clock clock) {
        this.owners = owners;
        this.slots = slots;
        this.registry = registry;
        this.timer = timer;
        this.clock = clock;
    }

    @Override
    public CommandRecord submit(
            String tenant,
            String device,
            String name,
            Map<String, Object> arguments,
            Duration timeout)
            throws CommandNotRoutableException {
        String driverId = owner(tenant, device);
        DriverSlot slot = slots.apply(driverId);
        ProtocolDriver driver = slot == null ? null : slot.runningInstance();
        if (driver == null) {
            throw notRoutable(
                    driverId,
                    tenant,
                    device,
                    "is "
                            + (slot == null ? "not present" : slot.state().name().toLowerCase())
                            + ", not running");
        }
        if (!driver.acceptsCommands()) {
            throw notRoutable(driverId, tenant, device, "does not accept commands");
        }
        Instant now = clock.instant();
        DeviceCommand command =
                new DeviceCommand(
                        UUID.randomUUID().toString(),
                        tenant,
                        device,
                        name,
                        arguments,
                        now.plus(timeout));
        Entry entry = new Entry(command, driverId, now);
        remember(entry);
        timer.schedule(entry::timeOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            driver.execute(command, entry);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("driver {} threw on command {}: {}", driverId, name, e.toString());
            entry.failed("driver failed to take the command: " + e.getMessage());
        }
        return entry.record();
    }

    @Override
    public List<CommandRecord> commands(String tenant, String device) {
        Deque<Entry> entries = history.get(key(tenant, device));
        if (entries == null) {
            return List.of();
        }
        synchronized (entries) {
            return entries.stream().map(Entry::record).toList();
        }
    }

    @Override
    public Optional<CommandRecord> command(String tenant, String device, String id) {
        return commands(tenant, device).stream()
                .filter(r -> r.command().id().equals(id))
                .findFirst();
    }

    private static CommandNotRoutableException notRoutable(
            String driverId, String tenant, String device, String why) {
        return new CommandNotRoutableException(
                "driver '" + driverId + "' that owns device " + tenant + "/" + device + " " + why);
    }

    private String owner(String tenant, String device) throws CommandNotRoutableException {
        DeviceRegistry devices = registry.get();
        String assigned =
                devices == null
                        ? null
                        : devices.device(tenant, device)
                                .map(d -> d.tags().get(DRIVER_TAG))
                                .orElse(null);
        if (assigned != null && !assigned.isBlank()) {
            return assigned;
        }
        return owners.owner(tenant, device)
                .orElseThrow(
                        () ->
                                new CommandNotRoutableException(
                                        "no driver owns device "
                                                + tenant
                                                + "/"
                                                + device
                                                + ": none delivered its data since the runtime"
                                                + " started, and it has no '"
                                                + DRIVER_TAG
                                                + "' tag naming one"));
    }

    private void remember(Entry entry) {
        Deque<Entry> entries =
                history.computeIfAbsent(
                        key(entry.command.tenant(), entry.command.device()),
                        k -> new ArrayDeque<>());
        synchronized (entries) {
            entries.addFirst(entry);
            while (entries.size() > HISTORY) {
                entries.removeLast();
            }
        }
    }

    private static String key(String tenant, String device) {
        return tenant + "/" + device;
    }

    /** One command's mutable progress; the driver's callback. */
    private final class Entry implements CommandCallback {
        final DeviceCommand command;
        final String driverId;
        final Instant createdAt;
        private CommandState state = CommandState.PENDING;
        private String answer;
        private Instant updatedAt;
        private boolean answerExpected;

        Entry(DeviceCommand command, String driverId, Instant createdAt) {
            this.command = command;
            this.driverId = driverId;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        synchronized CommandRecord record() {
            return new CommandRecord(
                    command, driverId, state, answer, createdAt, updatedAt, answerExpected);
        }

        private boolean open() {
            return !state.isFinal()
                    && !(state == CommandState.DELIVERED && !answerExpected)
                    && clock.instant().isBefore(command.deadline());
        }

        private void move(CommandState next, String text) {
            state = next;
            answer = text;
            updatedAt = clock.instant();
        }

        @Override
        public synchronized void delivered(String detail, boolean expectAnswer) {
            if (open() && state == CommandState.PENDING) {
                answerExpected = expectAnswer;
                move(CommandState.DELIVERED, detail);
            }
        }

        @Override
        public synchronized void succeeded(String reply) {
            if (open()) {
                move(CommandState.SUCCEEDED, reply);
            }
        }

        @Override
        public synchronized void failed(String reason) {
            if (open()) {
                move(CommandState.FAILED, reason);
            }
        }

        @Override
        public synchronized void refused(String reason) {
            if (open()) {
                move(CommandState.REFUSED, reason);
            }
        }

        synchronized void timeOut() {
            if (!state.isFinal() && !(state == CommandState.DELIVERED && !answerExpected)) {
                move(
                        CommandState.TIMED_OUT,
                        "no answer within "
                                + Duration.between(createdAt, command.deadline()).toSeconds()
                                + " s");
            }
        }
    }
}
