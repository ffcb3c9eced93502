package io.armature.security.vault.internal;

import io.armature.boot.RuntimeHome;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Set;
import org.apache.felix.cm.PersistenceManager;
import org.apache.felix.cm.file.FilePersistenceManager;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Registers the sealing persistence manager as {@code name=armature}; the launcher sets {@code
 * felix.cm.pm=armature}, so ConfigAdmin reads and writes configurations only through it. A plain
 * activator, not a DS component: DS itself waits for ConfigAdmin.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class VaultActivator implements BundleActivator {
    /** The persistence manager's name, for {@code felix.cm.pm}. */
    public static final String NAME = "armature";

    private ServiceTracker<MetaTypeService, MetaTypeService> metatype;
    private ServiceRegistration<PersistenceManager> registration;

    @Override
    public void start(BundleContext context) throws Exception {
        RuntimeHome home = RuntimeHome.of(context::getProperty);
        String dir = context.getProperty("felix.cm.dir");
        FilePersistenceManager files =
                new FilePersistenceManager(
                        context, dir != null ? dir : home.data().resolve("config").toString());
        metatype = new ServiceTracker<>(context, MetaTypeService.class, null);
        metatype.open();
        SealingPersistenceManager sealing =
                new SealingPersistenceManager(
                        files,
                        ConfigCipher.of(home.data().resolve("secrets")),
                        (pid, factory) -> passwords(context, pid, factory));
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(PersistenceManager.PROPERTY_NAME, NAME);
        props.put(
                Constants.SERVICE_DESCRIPTION,
                "Armature: Felix file persistence with secrets sealed");
        registration = context.registerService(PersistenceManager.class, sealing, props);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
        metatype.close();
    }

    /** The metatype's password attributes of a PID, from whichever bundle declares it. */
    private Set<String> passwords(BundleContext context, String pid, String factoryPid) {
        MetaTypeService service = metatype.getService();
        Set<String> result = new HashSet<>();
        if (service == null) {
            return result;
        }
        String wanted = factoryPid != null ? factoryPid : pid;
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info;
            try {
                info = service.getMetaTypeInformation(bundle);
            } catch (RuntimeException e) {
                continue;
            }
            if (info == null || !declares(info, wanted, factoryPid != null)) {
                continue;
            }
            ObjectClassDefinition ocd = info.getObjectClassDefinition(wanted, null);
            AttributeDefinition[] all =
                    ocd == null ? null : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
            for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
                if (ad.getType() == AttributeDefinition.PASSWORD) {
                    result.add(ad.getID());
                }
            }
        }
        return result;
    }

    private static boolean declares(MetaTypeInformation info, String pid, boolean factory) {
        String[] pids = factory ? info.getFactoryPids() : info.getPids();
        if (pids == null) {
            return false;
        }
        for (String p : pids) {
            if (p.equals(pid)) {
                return true;
            }
        }
        return false;
    }
}
