package io.armature.feature.internal;

import io.armature.api.feature.ConfigurationPid;
import io.armature.api.feature.FeatureInfo;
import io.armature.api.feature.FeatureManager;
import io.armature.boot.BootPlan;
import io.armature.boot.BundleRef;
import io.armature.boot.FeatureCatalog;
import io.armature.boot.FeatureDefinition;
import io.armature.boot.FeatureState;
import io.armature.boot.RuntimeHome;
import io.armature.boot.Variables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the boot plan's configurations when the runtime starts and enables/disables features
 * afterwards. The launcher has already installed the enabled features' bundles; this component owns
 * everything that changes while running.
 */
@Component(name = FeatureManagerImpl.PID, service = FeatureManager.class)
public final class FeatureManagerImpl implements FeatureManager {
    /** The component name of the feature manager (it has no configuration of its own). */
    public static final String PID = "io.armature.feature.manager";

    private static final Logger LOG = LoggerFactory.getLogger(FeatureManagerImpl.class);
    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final FeatureState state;
    private final BootPlan plan;
    private final List<String> enabled;

    @Activate
    public FeatureManagerImpl(BundleContext context, @Reference ConfigurationAdmin configAdmin)
            throws IOException {
        this.context = context;
        this.configAdmin = configAdmin;
        RuntimeHome home = RuntimeHome.of(context::getProperty);
        this.state = new FeatureState(home.data());
        this.plan =
                BootPlan.load(
                        home.home(), home.data(), home.profile(), Variables.fromEnvironment());
        this.enabled = new ArrayList<>(plan.enabled());
        PidMigration.migrate(configAdmin);
        for (String feature : enabled) {
            applyConfigurations(plan.catalog().get(feature).orElseThrow());
        }
        for (Map.Entry<String, Map<String, Object>> c :
                plan.profileOnlyConfigurations().entrySet()) {
            configuration(c.getKey()).updateIfDifferent(toDictionary(c.getValue()));
        }
        LOG.info("profile {}: features {}", plan.profile().name(), String.join(", ", enabled));
    }

    @Override
    public String activeProfile() {
        return plan.profile().name();
    }

    @Override
    public synchronized List<FeatureInfo> features() {
        return plan.catalog().all().stream().map(this::info).toList();
    }

    @Override
    public synchronized Optional<FeatureInfo> feature(String id) {
        return plan.catalog().get(id).map(this::info);
    }

    @Override
    public synchronized FeatureInfo setEnabled(String id, boolean enable) {
        FeatureDefinition feature =
                plan.catalog()
                        .get(id)
                        .orElseThrow(
                                () -> new NoSuchElementException("unknown feature '" + id + "'"));
        if (id.equals(FeatureCatalog.BASE_FEATURE) && !enable) {
            throw new IllegalStateException(
                    "feature '" + id + "' is the base set and cannot be disabled");
        }
        if (enable && !enabled.contains(id)) {
            enable(feature);
        } else if (!enable && enabled.contains(id)) {
            disable(feature);
        }
        state.write(id, enable);
        return info(feature);
    }

    private void enable(FeatureDefinition feature) {
        plan.checkBundlesPresent(feature);
        applyConfigurations(feature);
        List<Bundle> installed = new ArrayList<>();
        try {
            for (BundleRef ref : feature.bundles()) {
                Bundle bundle = context.getBundle(plan.bundleLocation(ref));
                if (bundle == null) {
                    bundle = context.installBundle(plan.bundleLocation(ref));
                    bundle.adapt(BundleStartLevel.class).setStartLevel(ref.startOrder());
                    installed.add(bundle);
                }
            }
            for (Bundle bundle : installed) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            }
        } catch (BundleException | RuntimeException e) {
            for (Bundle bundle : installed) {
                uninstallQuietly(bundle);
            }
            deleteConfigurations(feature);
            throw new IllegalStateException(
                    "feature '" + feature.id() + "' could not be enabled: " + e.getMessage(), e);
        }
        enabled.add(feature.id());
        LOG.info("feature {} enabled ({} bundles installed)", feature.id(), installed.size());
    }

    private void disable(FeatureDefinition feature) {
        enabled.remove(feature.id());
        deleteConfigurations(feature);
        List<String> stillUsed = new ArrayList<>();
        for (String other : enabled) {
            plan.catalog()
                    .get(other)
                    .orElseThrow()
                    .bundles()
                    .forEach(b -> stillUsed.add(b.mavenId()));
        }
        int removed = 0;
        for (BundleRef ref : feature.bundles()) {
            Bundle bundle = context.getBundle(plan.bundleLocation(ref));
            if (bundle != null && !stillUsed.contains(ref.mavenId())) {
                uninstallQuietly(bundle);
                removed++;
            }
        }
        LOG.info("feature {} disabled ({} bundles removed)", feature.id(), removed);
    }

    private void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("could not uninstall {}: {}", bundle.getSymbolicName(), e.getMessage());
        }
    }

    private void applyConfigurations(FeatureDefinition feature) {
        try {
            for (Map.Entry<String, Map<String, Object>> c :
                    plan.configurationsOf(feature).entrySet()) {
                configuration(c.getKey()).updateIfDifferent(toDictionary(c.getValue()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot store configurations of " + feature.id(), e);
        }
    }

    private void deleteConfigurations(FeatureDefinition feature) {
        for (String pid : feature.configurations().keySet()) {
            try {
                configuration(pid).delete();
            } catch (IOException | IllegalStateException e) {
                LOG.warn("could not delete configuration {}: {}", pid, e.getMessage());
            }
        }
    }

    private Configuration configuration(String pid) throws IOException {
        ConfigurationPid id = ConfigurationPid.parse(pid);
        return id.isFactory()
                ? configAdmin.getFactoryConfiguration(id.base(), id.name(), "?")
                : configAdmin.getConfiguration(id.base(), "?");
    }

    private static Dictionary<String, Object> toDictionary(Map<String, Object> properties) {
        return new Hashtable<>(properties);
    }

    private FeatureInfo info(FeatureDefinition feature) {
        return new FeatureInfo(
                feature.id(),
                feature.title(),
                feature.description(),
                enabled.contains(feature.id()),
                feature.id().equals(FeatureCatalog.BASE_FEATURE),
                feature.bundles().stream().map(BundleRef::mavenId).toList(),
                List.copyOf(feature.configurations().keySet()));
    }
}
