package io.armature.alerts.internal.engine;

import io.armature.api.alert.AlertChange;
import io.armature.api.alert.AlertRule;
import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.health.HealthCheck;
import io.armature.api.health.HealthResult;
import io.armature.api.health.HealthStatus;
import io.armature.api.sample.DurableSampleConsumer;
import io.armature.api.sample.FeedBatch;
import io.armature.api.sample.FeedPosition;
import io.armature.api.sample.Sample;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert engine: a durable consumer ({@value #CONSUMER}) of every accepted sample that evaluates
 * the registered {@link AlertRule}s, ticks them every second, and writes alerts, rule memory and
 * its feed position in one transaction per batch into the storage backend's database. A failed
 * write makes the feed deliver the batch again, after the states were reloaded, so each sample
 * takes effect exactly once. Registers the {@code alerts} health check.
 */
@Component(
        name = "io.armature.alerts.engine",
        service = {DurableSampleConsumer.class, AlertEngine.class, HealthCheck.class},
        property = DurableSampleConsumer.ID_PROPERTY + "=" + AlertEngine.CONSUMER)
public final class AlertEngine implements DurableSampleConsumer, HealthCheck {
    static final String CONSUMER = "alerts";
    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    private final EngineStore store;
    private final ConfigurationAdmin configAdmin;
    private final RuleSet rules;
    private volatile FeedPosition resumeAfter;
    private FeedPosition position;
    private boolean initialized;
    private boolean reload;
    private final ScheduledExecutorService ticker;
    private final List<Consumer<AlertChange>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> refused = new LinkedHashMap<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private volatile String lastError;
    private volatile long lastSampleAcceptedAt;

    @Activate
    public AlertEngine(
            @Reference(target = "(armature.storage.id=*)") DataSource dataSource,
            @Reference DeviceRegistry registry,
            @Reference ConfigurationAdmin configAdmin) {
        this.store = new EngineStore(dataSource, CONSUMER);
        this.configAdmin = configAdmin;
        this.rules = new RuleSet(registry, new HashMap<>());
        try {
            initialize();
        } catch (SQLException | IOException e) {
            // the database is not reachable yet: the first batch tries again (the feed backs off)
            lastError = e.toString();
            LOG.warn("alert store not ready, evaluation waits for it: {}", e.toString());
        }
        this.ticker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "armature-alerts-tick");
                            thread.setDaemon(true);
                            return thread;
                        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addRule(AlertRule rule, Map<String, Object> properties) {
        String pid = String.valueOf(properties.get("service.pid"));
        try {
            rules.add(RuleEntry.of(rule, properties));
            refused.remove(pid);
        } catch (RuntimeException e) {
            refused.put(pid, e.getMessage());
            LOG.error("alert rule {} not evaluated: {}", pid, e.getMessage());
        }
    }

    void removeRule(AlertRule rule, Map<String, Object> properties) {
        String pid = String.valueOf(properties.get("service.pid"));
        RuleEntry removed;
        synchronized (this) {
            removed = rules.remove(pid);
            refused.remove(pid);
        }
        if (removed != null && deleted(pid)) {
            try {
                List<AlertChange> cleared = store.ruleDeleted(removed.tenant, removed.id, pid);
                synchronized (this) {
                    rules.forgetStates(pid);
                }
                publish(cleared);
            } catch (SQLException e) {
                LOG.warn("alerts of deleted rule {} not cleared: {}", pid, e.toString());
            }
        }
    }

    /** Whether a rule's configuration is gone (deleted), not merely its bundle stopping. */
    private boolean deleted(String pid) {
        try {
            return configAdmin.listConfigurations("(service.pid=" + pid + ")") == null;
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public FeedPosition resumeAfter() {
        return resumeAfter;
    }

    @Override
    public void onSamples(FeedBatch batch) throws SQLException, IOException {
        List<AlertChange> made;
        synchronized (this) {
            reloadIfNeeded();
            if (position != null
                    && position.feed().equals(batch.feed())
                    && position.record() >= batch.last()) {
                return; // committed before a late start of the store (resumeAfter was unknown)
            }
            EngineCommit commit = new EngineCommit(batch.position());
            Map<String, Device> devices = new HashMap<>();
            for (Sample sample : batch.samples()) {
                rules.evaluate(sample, commit, devices);
            }
            made = write(commit);
            position = batch.position();
            lastSampleAcceptedAt = batch.acceptedAt().toEpochMilli();
        }
        publish(made);
    }

    private void tick() {
        try {
            List<AlertChange> made;
            synchronized (this) {
                reloadIfNeeded();
                EngineCommit commit = new EngineCommit(position);
                rules.tick(Instant.now(), commit);
                if (commit.isEmpty()) {
                    return;
                }
                made = write(commit);
            }
            publish(made);
        } catch (SQLException | IOException | RuntimeException e) {
            lastError = e.toString();
            LOG.warn("alert tick failed: {}", e.toString());
        }
    }

    /** Writes a commit; on failure the in-memory states are reloaded before the next pass. */
    private List<AlertChange> write(EngineCommit commit) throws SQLException {
        try {
            List<AlertChange> made = store.write(commit);
            commits.incrementAndGet();
            lastError = null;
            return made;
        } catch (SQLException | RuntimeException e) {
            reload = true;
            lastError = e.toString();
            throw e;
        }
    }

    /** Creates the schema if missing and loads the position and the series states. */
    private synchronized void initialize() throws SQLException, IOException {
        store.createSchema();
        position = store.position();
        resumeAfter = position;
        rules.replaceStates(store.states());
        initialized = true;
        reload = false;
    }

    private void reloadIfNeeded() throws SQLException, IOException {
        if (!initialized) {
            initialize();
        }
        if (reload) {
            rules.replaceStates(store.states());
            reload = false;
        }
    }

    /**
     * An operator cleared an alert: its series must see its condition end before a new alert can
     * open (else a still-breaching series would re-raise it at once).
     */
    public void clearedByOperator(long alertId) {
        List<AlertChange> made = List.of();
        synchronized (this) {
            SeriesState state = rules.stateOfAlert(alertId);
            if (state == null) {
                return;
            }
            state.alertId = 0;
            state.okSince = -1;
            state.pendingSince = -1;
            state.awaitOk = state.breaching;
            state.dirty = true;
            EngineCommit commit = new EngineCommit(position);
            commit.states.put(state, Boolean.TRUE);
            try {
                made = write(commit);
            } catch (SQLException e) {
                LOG.warn("state after clearing alert {} not saved: {}", alertId, e.toString());
            }
        }
        publish(made);
    }

    /** Alert changes from now on (the live stream). */
    public void addListener(Consumer<AlertChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<AlertChange> listener) {
        listeners.remove(listener);
    }

    /** Hands changes (the engine's or an operator's) to the listeners. */
    public void publish(List<AlertChange> made) {
        changes.addAndGet(made.size());
        for (AlertChange change : made) {
            for (Consumer<AlertChange> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("alert change listener failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public synchronized HealthResult check() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rules", rules.rules());
        data.put("evaluated_rules", rules.ruleNames(200));
        data.put("series", rules.series());
        data.put("evaluations", rules.evaluations());
        data.put("rule_failures", rules.ruleFailures());
        data.put("commits", commits.get());
        data.put("alert_changes", changes.get());
        data.put("position", position == null ? 0 : position.record());
        if (lastSampleAcceptedAt != 0) {
            data.put("last_sample_accepted_at", Instant.ofEpochMilli(lastSampleAcceptedAt));
        }
        data.put("refused_rules", Map.copyOf(refused));
        if (lastError != null) {
            data.put("last_error", lastError);
        }
        boolean degraded = lastError != null || !refused.isEmpty();
        return new HealthResult(
                degraded ? HealthStatus.DEGRADED : HealthStatus.UP,
                rules.rules()
                        + " rules over "
                        + rules.series()
                        + " series, "
                        + rules.evaluations()
                        + " evaluations"
                        + (lastError == null ? "" : "; last error: " + lastError)
                        + (refused.isEmpty() ? "" : "; " + refused.size() + " rules refused"),
                data);
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
    }
}
