package io.armature.rest.internal.drivers;

import io.armature.api.driver.CertificateInfo;
import io.armature.api.driver.DriverMonitor;
import io.armature.api.driver.ServerCertificateTrust;
import io.armature.api.rest.RestResource;
import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.rest.internal.problem.ProblemException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code /api/v1/drivers/{id}/certificates}: the server certificates a driver was shown (trusted or
 * rejected) and its own client certificate; {@code POST .../{thumbprint}/trust} trusts one by
 * adding it to the driver's {@value ServerCertificateTrust#TRUSTED_ATTRIBUTE} attribute, {@code
 * DELETE} of the same path withdraws that trust. Changing the attribute restarts the driver.
 */
@Component(
        name = "io.armature.rest.drivers.certificates",
        service = DriverCertificatesResource.class)
@RestResource
@Path("/api/v1/drivers/{id}/certificates")
@RequiresRole(Role.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
public final class DriverCertificatesResource {
    private static final String THUMBPRINT = "[0-9a-f]{40}";
    private static final String CAPABILITY = "server certificate trust";

    private final DriverCapabilities capabilities;

    @Activate
    public DriverCertificatesResource(
            BundleContext context,
            @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metatype,
            @Reference ServiceComponentRuntime scr,
            @Reference DriverMonitor monitor) {
        this.capabilities = DriverCapabilities.of(context, configAdmin, metatype, scr, monitor);
    }

    @GET
    public Map<String, Object> list(@PathParam("id") String id)
            throws IOException, InvalidSyntaxException {
        ServerCertificateTrust trust = trust(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client", trust.clientCertificate().map(c -> view(c, false)).orElse(null));
        answer.put("server", trust.serverCertificates().stream().map(c -> view(c, true)).toList());
        return answer;
    }

    @POST
    @Path("{thumbprint}/trust")
    @RequiresRole(Role.ADMIN)
    public Map<String, Object> trust(
            @PathParam("id") String id, @PathParam("thumbprint") String thumbprint)
            throws IOException, InvalidSyntaxException {
        return changeTrust(id, thumbprint, true);
    }

    @DELETE
    @Path("{thumbprint}/trust")
    @RequiresRole(Role.ADMIN)
    public Map<String, Object> distrust(
            @PathParam("id") String id, @PathParam("thumbprint") String thumbprint)
            throws IOException, InvalidSyntaxException {
        return changeTrust(id, thumbprint, false);
    }

    private ServerCertificateTrust trust(String id) throws IOException, InvalidSyntaxException {
        return capabilities.require(id, ServerCertificateTrust.class, CAPABILITY);
    }

    /**
     * Adds the thumbprint to (or removes it from) the driver's trusted thumbprints: the instance
     * and its configuration are looked up once, and only a certificate the server presented can be
     * trusted (a typo is refused instead of pinned).
     */
    private Map<String, Object> changeTrust(String id, String thumbprint, boolean trust)
            throws IOException, InvalidSyntaxException {
        String wanted = normalized(thumbprint);
        DriverInstances.Instance instance = capabilities.instance(id);
        ServerCertificateTrust driver =
                capabilities.require(instance, ServerCertificateTrust.class, CAPABILITY);
        Configuration configuration = instance.configuration();
        Dictionary<String, Object> properties =
                configuration == null ? null : configuration.getProperties();
        if (properties == null) {
            throw new ProblemException(
                    409, "driver '" + id + "' has no configuration to keep the trust in");
        }
        Set<String> trusted = trusted(properties.get(ServerCertificateTrust.TRUSTED_ATTRIBUTE));
        if (trust) {
            List<String> seen =
                    driver.serverCertificates().stream().map(CertificateInfo::thumbprint).toList();
            if (!seen.contains(wanted)) {
                throw new ProblemException(
                        404,
                        "the server of driver '"
                                + id
                                + "' has not presented certificate "
                                + wanted
                                + (seen.isEmpty()
                                        ? "; none was presented yet (is the endpoint secured?)"
                                        : "; presented: " + String.join(", ", seen)));
            }
            trusted.add(wanted);
        } else if (!trusted.remove(wanted)) {
            throw new ProblemException(
                    404, "driver '" + id + "' does not trust certificate " + wanted);
        }
        properties.put(ServerCertificateTrust.TRUSTED_ATTRIBUTE, trusted.toArray(new String[0]));
        configuration.update(properties);
        return Map.of("thumbprint", wanted, "trusted", trust);
    }

    /** Thumbprints as hex without colons, lower case; 400 for anything else. */
    private static String normalized(String thumbprint) {
        String hex = thumbprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
        if (!hex.matches(THUMBPRINT)) {
            throw new ProblemException(
                    400,
                    "thumbprint '"
                            + thumbprint
                            + "' must be the SHA-1 of the certificate: 40 hex digits (colons"
                            + " allowed)");
        }
        return hex;
    }

    /** The attribute's thumbprints (a String[], a list or one string), as stored, normalized. */
    private static Set<String> trusted(Object value) {
        java.util.Collection<?> entries =
                value instanceof String[] array
                        ? List.of(array)
                        : value instanceof java.util.Collection<?> collection
                                ? collection
                                : value == null ? List.of() : List.of(value);
        Set<String> trusted = new LinkedHashSet<>();
        for (Object entry : entries) {
            String hex = entry.toString().replace(":", "").strip().toLowerCase(Locale.ROOT);
            if (!hex.isEmpty()) {
                trusted.add(hex);
            }
        }
        return trusted;
    }

    private static Map<String, Object> view(CertificateInfo certificate, boolean server) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("thumbprint", certificate.thumbprint());
        view.put("sha256", certificate.sha256());
        view.put("subject", certificate.subject());
        view.put("issuer", certificate.issuer());
        view.put("application_uri", certificate.applicationUri());
        view.put("not_before", certificate.notBefore());
        view.put("not_after", certificate.notAfter());
        if (server) {
            view.put("trusted", certificate.trusted());
            view.put("last_seen", certificate.lastSeen());
            view.put("problem", certificate.problem());
        }
        view.put("pem", certificate.pem());
        return view;
    }
}
