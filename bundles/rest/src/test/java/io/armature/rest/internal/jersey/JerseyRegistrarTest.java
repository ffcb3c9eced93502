package io.armature.rest.internal.jersey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.rest.RestResource;
import io.armature.rest.internal.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.net.URI;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.felix.framework.Felix;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * The registrar against a real service registry (an embedded Felix framework): which services
 * become resources, how often the application is built, and what the built application answers
 * (requests processed in memory by Jersey itself).
 */
class JerseyRegistrarTest {
    @TempDir java.nio.file.Path cache;
    private Felix framework;
    private BundleContext context;
    private final BlockingQueue<ResourceConfig> built = new LinkedBlockingQueue<>();
    private JerseyRegistrar registrar;

    /** A resource as a plugin would contribute it. */
    @jakarta.ws.rs.Path("/api/v1/presses")
    @Produces("application/json")
    public static final class PressResource {
        private final String name;

        PressResource(String name) {
            this.name = name;
        }

        @GET
        @jakarta.ws.rs.Path("{id}")
        public Map<String, String> press(@PathParam("id") String id) {
            if (!id.equals(name)) {
                throw new NotFoundException("no press '" + id + "'");
            }
            return Map.of("id", id);
        }
    }

    /** Two more resources of other plugins. */
    @jakarta.ws.rs.Path("/api/v1/valves")
    public static final class ValveResource {
        @GET
        public String valves() {
            return "[]";
        }
    }

    @jakarta.ws.rs.Path("/api/v1/pumps")
    public static final class PumpResource {
        @GET
        public String pumps() {
            return "[]";
        }
    }

    /** Stands for the security bundle's filter: lets everything through. */
    public static final class LetEverythingThrough
            implements jakarta.ws.rs.container.ContainerRequestFilter {
        @Override
        public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {}
    }

    private ServiceRegistration<Object> authorizer() {
        Dictionary<String, Object> props = resource();
        props.put(JerseyRegistrar.AUTHORIZATION, true);
        return context.registerService(Object.class, new LetEverythingThrough(), props);
    }

    @BeforeEach
    void framework() throws Exception {
        framework =
                new Felix(
                        Map.of(
                                Constants.FRAMEWORK_STORAGE,
                                cache.toString(),
                                Constants.FRAMEWORK_STORAGE_CLEAN,
                                Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
        registrar = new JerseyRegistrar(context, built::add);
    }

    @AfterEach
    void stop() throws Exception {
        registrar.deactivate();
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static Dictionary<String, Object> resource() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(RestResource.PROPERTY, true);
        return props;
    }

    /** The next application the registrar builds. */
    private ResourceConfig nextBuild() throws InterruptedException {
        ResourceConfig application = built.poll(15, TimeUnit.SECONDS);
        if (application == null) {
            throw new AssertionError("no application built within 15 s");
        }
        return application;
    }

    private static List<Class<?>> contributed(ResourceConfig application) {
        return application.getInstances().stream()
                .<Class<?>>map(Object::getClass)
                .filter(c -> c.getDeclaringClass() == JerseyRegistrarTest.class)
                .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .toList();
    }

    private static ContainerResponse get(ResourceConfig application, String path) throws Exception {
        ApplicationHandler handler = new ApplicationHandler(application);
        ContainerRequest request =
                new ContainerRequest(
                        URI.create("http://localhost/"),
                        URI.create("http://localhost" + path),
                        "GET",
                        null,
                        new MapPropertiesDelegate(),
                        handler.getConfiguration());
        return handler.apply(request).get();
    }

    @Test
    void aBurstOfRegistrationsIsOneBuildThatServesThemAndAnUnregisteredResourceGoes()
            throws Exception {
        List<ServiceRegistration<Object>> registrations = new ArrayList<>();
        authorizer();
        for (Object resource :
                List.of(new PressResource("press-0"), new ValveResource(), new PumpResource())) {
            registrations.add(context.registerService(Object.class, resource, resource()));
        }
        // a service without the property is not a resource
        context.registerService(Object.class, new Object(), null);
        assertEquals(
                3,
                contributed(nextBuild()).size(),
                "the burst is debounced into one application with every resource");

        registrations.get(1).unregister();
        registrations.get(2).unregister();
        ResourceConfig last = nextBuild();
        assertEquals(List.of(PressResource.class), contributed(last));
        assertEquals(404, get(last, "/api/v1/valves").getStatus(), "gone with its service");
        ContainerResponse found = get(last, "/api/v1/presses/press-0");
        assertEquals(200, found.getStatus());
        assertEquals(Map.of("id", "press-0"), found.getEntity());
    }

    @Test
    void errorsOfAContributedResourceAreProblemDocumentsWithItsMessage() throws Exception {
        authorizer();
        context.registerService(Object.class, new PressResource("press-1"), resource());
        ResourceConfig application = nextBuild();
        ContainerResponse missing = get(application, "/api/v1/presses/press-9");
        assertEquals(404, missing.getStatus());
        assertEquals("application/problem+json", missing.getMediaType().toString());
        Problem problem = (Problem) missing.getEntity();
        assertTrue(problem.detail().contains("no press 'press-9'"), problem.detail());
        ContainerResponse unknown = get(application, "/api/v1/nothing-here");
        assertEquals(404, unknown.getStatus());
    }

    @Test
    void withoutAnAuthorizationFilterEveryResourceAnswers503UntilOneComes() throws Exception {
        context.registerService(Object.class, new PressResource("press-2"), resource());
        ResourceConfig closed = nextBuild();
        ContainerResponse refused = get(closed, "/api/v1/presses/press-2");
        assertEquals(503, refused.getStatus(), "no security service: nothing is served");
        assertTrue(((Problem) refused.getEntity()).detail().contains("security service"));

        ServiceRegistration<Object> security = authorizer();
        assertEquals(200, get(nextBuild(), "/api/v1/presses/press-2").getStatus());

        security.unregister(); // the security bundle stops or is updated
        assertEquals(503, get(nextBuild(), "/api/v1/presses/press-2").getStatus());
    }

    /** Stands for a security filter that refuses everything. */
    public static final class RefuseEverything
            implements jakarta.ws.rs.container.ContainerRequestFilter {
        @Override
        public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {
            request.abortWith(jakarta.ws.rs.core.Response.status(401).build());
        }
    }

    @Test
    void withEnforcementSwitchedOffTheAuthorizationFilterIsLeftOut(
            @TempDir java.nio.file.Path other) throws Exception {
        Felix open =
                new Felix(
                        Map.of(
                                Constants.FRAMEWORK_STORAGE,
                                other.toString(),
                                io.armature.boot.ArmatureProperties.SECURITY_ENFORCE,
                                "false"));
        open.start();
        BlockingQueue<ResourceConfig> builds = new LinkedBlockingQueue<>();
        JerseyRegistrar benchmark = new JerseyRegistrar(open.getBundleContext(), builds::add);
        try {
            Dictionary<String, Object> props = resource();
            props.put(JerseyRegistrar.AUTHORIZATION, true);
            open.getBundleContext().registerService(Object.class, new RefuseEverything(), props);
            open.getBundleContext()
                    .registerService(Object.class, new PressResource("press-3"), resource());
            ResourceConfig application;
            do {
                application = builds.poll(15, TimeUnit.SECONDS);
                if (application == null) {
                    throw new AssertionError("no application built within 15 s");
                }
            } while (!contributed(application).contains(PressResource.class));
            assertEquals(200, get(application, "/api/v1/presses/press-3").getStatus());
        } finally {
            benchmark.deactivate();
            open.stop();
            open.waitForStop(10_000);
        }
    }
}
