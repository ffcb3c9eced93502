package io.armature.rest.internal.system;

import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Bundles: list with resolution errors, install a plugin jar (through the deploy directory, exactly
 * as dropping it there), remove a deployed plugin.
 */
@Component(name = "io.armature.rest.system.bundles", service = BundlesResource.class)
@RestResource
@Path("/api/v1/system/bundles")
@RequiresRole(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public final class BundlesResource {
    private static final long DEPLOY_TIMEOUT_MS = 20_000;

    /**
     * One bundle, or one jar of the deploy directory that could not be installed ({@code id} null,
     * state {@code INSTALL_FAILED}).
     */
    public record BundleInfo(
            Long id,
            String symbolicName,
            String version,
            String state,
            String location,
            boolean deployed,
            boolean fragment,
            String error) {}

    private final BundleContext context;
    private final DeployDirectory deploy;

    @Activate
    public BundlesResource(BundleContext context) {
        this.context = context;
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deploy = new DeployDirectory(java.nio.file.Path.of(dir == null ? "deploy" : dir));
    }

    @GET
    @RequiresRole(Role.VIEWER)
    public Map<String, List<BundleInfo>> list() {
        Bundle[] bundles = context.getBundles();
        List<BundleInfo> infos = new ArrayList<>();
        for (Bundle bundle : bundles) {
            infos.add(info(bundle));
        }
        infos.sort(Comparator.comparing(BundleInfo::id));
        for (DeployDirectory.FailedJar failed : deploy.failedJars(bundles)) {
            infos.add(
                    new BundleInfo(
                            null,
                            null,
                            null,
                            "INSTALL_FAILED",
                            failed.file().toUri().toString(),
                            true,
                            false,
                            failed.reason()));
        }
        return Map.of("bundles", infos);
    }

    @GET
    @RequiresRole(Role.VIEWER)
    @Path("{id: [0-9]+}")
    public BundleInfo get(@PathParam("id") long id) {
        return info(bundle(id));
    }

    /** Multipart form with field {@code file}, or a raw jar body. */
    @POST
    public Response install(@Context HttpServletRequest request) throws IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        java.nio.file.Path written;
        try (InputStream content = upload(request, type)) {
            written = deploy.deploy(content);
        } catch (DeployDirectory.InvalidBundleException e) {
            throw new ProblemException(
                    400, "uploaded file is not an installable bundle: " + e.getMessage());
        }
        Bundle bundle =
                awaitInstalled(
                        written.toUri().toString(), Files.getLastModifiedTime(written).toMillis());
        if (bundle == null) {
            throw new ProblemException(
                    422,
                    "the jar was written to "
                            + written
                            + " but the framework did not install it within "
                            + DEPLOY_TIMEOUT_MS / 1000
                            + " s; see GET /api/v1/system/bundles and the log");
        }
        return Response.created(URI.create("/api/v1/system/bundles/" + bundle.getBundleId()))
                .entity(info(bundle))
                .build();
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public Response remove(@PathParam("id") long id) throws IOException {
        Bundle bundle = bundle(id);
        if (!deploy.contains(bundle)) {
            throw new ProblemException(
                    409,
                    "bundle "
                            + id
                            + " ("
                            + bundle.getSymbolicName()
                            + ") is not a deployed plugin: it belongs to the base set or a feature; disable its feature instead");
        }
        Files.deleteIfExists(DeployDirectory.pathOf(bundle.getLocation()).orElseThrow());
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MS;
        while (context.getBundle(id) != null && System.currentTimeMillis() < deadline) {
            sleep();
        }
        if (context.getBundle(id) != null) {
            throw new ProblemException(
                    422,
                    "the jar was deleted but bundle " + id + " is still installed; see the log");
        }
        return Response.noContent().build();
    }

    private InputStream upload(HttpServletRequest request, String type) throws IOException {
        if (type.startsWith("multipart/form-data")) {
            Part part;
            try {
                part = request.getPart("file");
            } catch (ServletException | IllegalStateException | IOException e) {
                // a malformed body (no boundary, torn parts) or one over the size limit
                throw new ProblemException(400, "unreadable multipart body: " + e.getMessage());
            }
            if (part == null) {
                throw new ProblemException(400, "multipart body has no field named 'file'");
            }
            return part.getInputStream();
        }
        if (type.startsWith("application/java-archive")
                || type.startsWith("application/octet-stream")) {
            return request.getInputStream();
        }
        throw new ProblemException(
                415,
                "send the jar as multipart/form-data field 'file' or as an application/java-archive body");
    }

    /**
     * Waits until FileInstall has installed (or updated) the jar: returns as soon as the bundle is
     * active, or after a short settling time when it stays unresolved or is a fragment.
     */
    private Bundle awaitInstalled(String location, long modified) {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MS;
        Bundle found = null;
        long settled = 0;
        while (System.currentTimeMillis() < deadline) {
            Optional<Bundle> bundle = findByPath(location);
            if (bundle.isPresent() && bundle.get().getLastModified() >= modified) {
                if (bundle.get().getState() == Bundle.ACTIVE) {
                    return bundle.get();
                }
                if (found == null) {
                    found = bundle.get();
                    settled = System.currentTimeMillis() + 3_000;
                } else if (System.currentTimeMillis() > settled) {
                    return found;
                }
            }
            sleep();
        }
        return found;
    }

    private Optional<Bundle> findByPath(String location) {
        var target = DeployDirectory.pathOf(location);
        for (Bundle bundle : context.getBundles()) {
            if (target.isPresent() && DeployDirectory.pathOf(bundle.getLocation()).equals(target)) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    private Bundle bundle(long id) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new NotFoundException("no bundle with id " + id);
        }
        return bundle;
    }

    private BundleInfo info(Bundle bundle) {
        return new BundleInfo(
                bundle.getBundleId(),
                bundle.getSymbolicName(),
                bundle.getVersion().toString(),
                state(bundle.getState()),
                bundle.getLocation(),
                deploy.contains(bundle),
                bundle.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null,
                BundleDiagnostics.unresolvedReason(bundle, context).orElse(null));
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "interrupted while waiting for the framework");
        }
    }
}
