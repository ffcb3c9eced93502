package io.armature.alerts.internal.engine;

import io.armature.api.alert.Verdict;
import io.armature.api.device.Device;
import io.armature.api.device.DeviceRegistry;
import io.armature.api.sample.Sample;
import io.armature.api.storage.SeriesKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered rules, indexed by tenant and metric so a sample meets only the rules that may
 * cover it, and their series states. Evaluates samples and ticks into an {@link EngineCommit}. Not
 * thread-safe: the engine serialises calls.
 */
final class RuleSet {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSet.class);

    private final DeviceRegistry registry;
    private final Map<String, RuleEntry> byPid = new HashMap<>();

    /** tenant → metric → rules naming that metric exactly. */
    private final Map<String, Map<String, List<RuleEntry>>> byMetric = new HashMap<>();

    /** tenant → rules with a wildcard or no metric list. */
    private final Map<String, List<RuleEntry>> anyMetric = new HashMap<>();

    private Map<String, Map<SeriesKey, SeriesState>> states;
    private final AtomicLong evaluations = new AtomicLong();
    private final AtomicLong ruleFailures = new AtomicLong();

    RuleSet(DeviceRegistry registry, Map<String, Map<SeriesKey, SeriesState>> states) {
        this.registry = registry;
        replaceStates(states);
    }

    void replaceStates(Map<String, Map<SeriesKey, SeriesState>> loaded) {
        long now = Times.now();
        loaded.values().forEach(series -> series.values().forEach(s -> s.restored(now)));
        this.states = loaded;
    }

    void add(RuleEntry entry) {
        byPid.put(entry.pid, entry);
        reindex();
    }

    RuleEntry remove(String pid) {
        RuleEntry removed = byPid.remove(pid);
        reindex();
        return removed;
    }

    void forgetStates(String pid) {
        states.remove(pid);
    }

    private void reindex() {
        byMetric.clear();
        anyMetric.clear();
        for (RuleEntry entry : byPid.values()) {
            List<String> exact = entry.exactMetrics();
            if (exact.isEmpty()) {
                anyMetric.computeIfAbsent(entry.tenant, t -> new ArrayList<>()).add(entry);
            } else {
                Map<String, List<RuleEntry>> metrics =
                        byMetric.computeIfAbsent(entry.tenant, t -> new HashMap<>());
                for (String metric : exact) {
                    metrics.computeIfAbsent(metric, m -> new ArrayList<>()).add(entry);
                }
            }
        }
    }

    /** Evaluates one sample against every rule covering it. */
    void evaluate(Sample sample, EngineCommit commit, Map<String, Device> devices) {
        Map<String, List<RuleEntry>> metrics = byMetric.get(sample.tenant());
        List<RuleEntry> exact = metrics == null ? null : metrics.get(sample.metric());
        List<RuleEntry> any = anyMetric.get(sample.tenant());
        if (exact == null && any == null) {
            return;
        }
        Device device = device(sample, devices);
        if (exact != null) {
            for (RuleEntry entry : exact) {
                evaluate(entry, sample, device, commit);
            }
        }
        if (any != null) {
            for (RuleEntry entry : any) {
                evaluate(entry, sample, device, commit);
            }
        }
    }

    private void evaluate(RuleEntry entry, Sample sample, Device device, EngineCommit commit) {
        if (!entry.coversMetric(sample.metric()) || !entry.coversDevice(sample.device(), device)) {
            return;
        }
        SeriesKey series = new SeriesKey(sample.tenant(), sample.device(), sample.metric());
        SeriesState state =
                states.computeIfAbsent(entry.pid, p -> new HashMap<>())
                        .computeIfAbsent(series, s -> fresh(entry, s));
        Verdict verdict;
        try {
            verdict = entry.rule.evaluate(sample, state);
        } catch (RuntimeException e) {
            failed(entry, e);
            return;
        }
        evaluations.incrementAndGet();
        long at = Times.micros(sample.time());
        state.sampled(at, Times.now());
        commit.add(state, entry, Lifecycle.apply(state, verdict, at, entry), at);
    }

    private static SeriesState fresh(RuleEntry entry, SeriesKey series) {
        SeriesState state = new SeriesState(entry.pid, series);
        state.dirty = true;
        return state;
    }

    private Device device(Sample sample, Map<String, Device> devices) {
        String key = sample.tenant() + '\u0000' + sample.device();
        if (devices.containsKey(key)) {
            return devices.get(key);
        }
        Device device = registry.device(sample.tenant(), sample.device()).orElse(null);
        devices.put(key, device);
        return device;
    }

    /** Time-driven evaluation of every rule: its series and the ones it watches. */
    void tick(Instant now, EngineCommit commit) {
        long nowMicros = Times.micros(now);
        for (RuleEntry entry : byPid.values()) {
            Map<SeriesKey, SeriesState> series =
                    states.computeIfAbsent(entry.pid, p -> new HashMap<>());
            try {
                for (SeriesKey watched : entry.rule.watched(now)) {
                    if (!series.containsKey(watched)
                            && entry.tenant.equals(watched.tenant())
                            && entry.coversDevice(
                                    watched.device(),
                                    registry.device(watched.tenant(), watched.device())
                                            .orElse(null))) {
                        series.put(watched, fresh(entry, watched));
                    }
                }
            } catch (RuntimeException e) {
                failed(entry, e);
            }
            for (SeriesState state : series.values()) {
                Verdict verdict;
                try {
                    verdict = entry.rule.tick(state.series, now, state);
                } catch (RuntimeException e) {
                    failed(entry, e);
                    continue;
                }
                Lifecycle.Step step = Lifecycle.apply(state, verdict, nowMicros, entry);
                if (step == Lifecycle.Step.NONE || step == Lifecycle.Step.LAST_VALUE) {
                    Lifecycle.Step elapsed = Lifecycle.elapse(state, nowMicros, entry);
                    step = elapsed == Lifecycle.Step.NONE ? step : elapsed;
                }
                commit.add(state, entry, step, nowMicros);
            }
        }
    }

    /** The state holding an alert, null if none does. */
    SeriesState stateOfAlert(long alertId) {
        for (Map<SeriesKey, SeriesState> series : states.values()) {
            for (SeriesState state : series.values()) {
                if (state.alertId == alertId) {
                    return state;
                }
            }
        }
        return null;
    }

    private void failed(RuleEntry entry, RuntimeException e) {
        if (ruleFailures.incrementAndGet() % 1000 == 1) {
            LOG.warn("alert rule {} failed: {}", entry.pid, e.toString());
        }
    }

    /** {@code tenant/id} of the rules evaluated, sorted, at most {@code max}. */
    List<String> ruleNames(int max) {
        return byPid.values().stream().map(r -> r.tenant + "/" + r.id).sorted().limit(max).toList();
    }

    int rules() {
        return byPid.size();
    }

    long series() {
        return states.values().stream().mapToLong(Map::size).sum();
    }

    long evaluations() {
        return evaluations.get();
    }

    long ruleFailures() {
        return ruleFailures.get();
    }
}
