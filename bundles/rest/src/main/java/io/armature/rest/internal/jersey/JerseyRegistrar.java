package io.armature.rest.internal.jersey;

import io.armature.api.rest.RestResource;
import io.armature.boot.ArmatureProperties;
import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every service carrying {@code armature.rest.resource=true} through one Jersey servlet on
 * the Servlet Whiteboard at {@code /*}. Services coming and going (bundles deployed, updated,
 * removed) reload the Jersey application after a short debounce, so a burst of registrations at
 * boot costs one reload.
 */
@Component(
        name = "io.armature.rest.registrar",
        immediate = true,
        service = {})
public final class JerseyRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(JerseyRegistrar.class);
    private static final long DEBOUNCE_MS = 50;

    /** Service property of the (one) filter that authenticates and authorises requests. */
    static final String AUTHORIZATION = "armature.rest.authorization";

    private static final java.util.logging.Logger QUIET_PROVIDER_CHECK =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    private final Map<Long, Object> resources = new ConcurrentSkipListMap<>();

    /** Services among them with {@code armature.rest.authorization=true}. */
    private final java.util.Set<Long> authorizers =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final boolean enforce;
    private final ScheduledExecutorService reloader =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "armature-rest-reload"));
    private final ServiceTracker<Object, Object> tracker;
    private final OpenApiResource openApi = new OpenApiResource(this::resourceClasses);
    private final SwappableServlet servlet;
    private final ServiceRegistration<Servlet> registration;
    private ScheduledFuture<?> pendingReload;

    static {
        // resources are registered as instances, which Jersey reports as "not a provider" at
        // WARNING
        QUIET_PROVIDER_CHECK.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Told of every application the registrar builds (tests observe the builds). */
    private final java.util.function.Consumer<ResourceConfig> built;

    @Activate
    public JerseyRegistrar(BundleContext context) throws InvalidSyntaxException {
        this(context, application -> {});
    }

    JerseyRegistrar(BundleContext context, java.util.function.Consumer<ResourceConfig> built)
            throws InvalidSyntaxException {
        this.built = built;
        this.enforce = !"false".equals(context.getProperty(ArmatureProperties.SECURITY_ENFORCE));
        if (!enforce) {
            LOG.warn(
                    "{}=false: the REST API serves every request WITHOUT authentication; only for"
                            + " benchmarks",
                    ArmatureProperties.SECURITY_ENFORCE);
        }
        tracker =
                new ServiceTracker<>(
                        context,
                        FrameworkUtil.createFilter("(" + RestResource.PROPERTY + "=true)"),
                        null) {
                    @Override
                    public Object addingService(ServiceReference<Object> reference) {
                        Object service = context.getService(reference);
                        if (service != null) {
                            Long id = (Long) reference.getProperty(Constants.SERVICE_ID);
                            if (Boolean.parseBoolean(
                                    String.valueOf(reference.getProperty(AUTHORIZATION)))) {
                                if (!enforce) {
                                    return service; // benchmark mode: served without it
                                }
                                authorizers.add(id);
                            }
                            resources.put(id, service);
                            scheduleReload();
                        }
                        return service;
                    }

                    @Override
                    public void removedService(ServiceReference<Object> reference, Object service) {
                        Long id = (Long) reference.getProperty(Constants.SERVICE_ID);
                        authorizers.remove(id);
                        resources.remove(id);
                        context.ungetService(reference);
                        scheduleReload();
                    }
                };
        tracker.open(true);
        // the first application is built by the first (debounced) reload, once the burst of
        // resource registrations at boot is over: building one per registration doubles boot time
        servlet = new SwappableServlet(reloader);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/*");
        props.put("osgi.http.whiteboard.servlet.name", "armature-rest");
        props.put("osgi.http.whiteboard.servlet.multipart.enabled", Boolean.TRUE);
        // server-sent event streams wait without holding a request thread
        props.put("osgi.http.whiteboard.servlet.asyncSupported", Boolean.TRUE);
        props.put("osgi.http.whiteboard.servlet.multipart.maxFileSize", 256L * 1024 * 1024);
        registration = context.registerService(Servlet.class, servlet, props);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        reloader.shutdownNow();
        registration.unregister();
    }

    private synchronized void scheduleReload() {
        if (pendingReload != null) {
            pendingReload.cancel(false);
        }
        if (!reloader.isShutdown()) {
            pendingReload = reloader.schedule(this::reload, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void reload() {
        if (servlet == null) {
            reloader.schedule(this::reload, 100, TimeUnit.MILLISECONDS);
            return;
        }
        try {
            ResourceConfig application =
                    ApiConfig.build(
                            new ArrayList<>(resources.values()),
                            openApi,
                            !enforce || !authorizers.isEmpty());
            servlet.replace(application);
            built.accept(application);
            LOG.debug("REST application reloaded with {} contributed resources", resources.size());
        } catch (jakarta.servlet.ServletException | RuntimeException e) {
            LOG.error("REST application could not be reloaded: {}", e.toString(), e);
        }
    }

    private List<Class<?>> resourceClasses() {
        return resources.values().stream().<Class<?>>map(Object::getClass).toList();
    }
}
