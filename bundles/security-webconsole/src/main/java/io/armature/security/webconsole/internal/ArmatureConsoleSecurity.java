package io.armature.security.webconsole.internal;

import io.armature.api.security.Authenticator;
import io.armature.api.security.Caller;
import io.armature.api.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lets into the Felix web console only callers Armature authenticates (HTTP Basic with an Armature
 * user and password, or {@code Authorization: Bearer <token>}) and who hold the admin role
 * globally. The launcher sets {@code felix.webconsole.security.providers=armature}, so the console
 * serves nothing at all until this provider is registered: it never falls back to its built-in user
 * and password.
 */
@Component(property = SecurityProvider.PROPERTY_ID + "=" + ArmatureConsoleSecurity.ID)
public final class ArmatureConsoleSecurity implements SecurityProvider {
    static final String ID = "armature";
    private static final String CHALLENGE =
            "Basic realm=\"Armature web console\", charset=\"UTF-8\"";

    private final Authenticator authenticator;

    @Activate
    public ArmatureConsoleSecurity(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<Caller> caller = Optional.empty();
        String header = request.getHeader("Authorization");
        try {
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                caller = authenticator.authenticateToken(header.substring(7).trim());
            } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded =
                        new String(
                                Base64.getDecoder().decode(header.substring(6).trim()),
                                StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    caller =
                            authenticator.authenticatePassword(
                                    decoded.substring(0, colon),
                                    decoded.substring(colon + 1),
                                    request.getRemoteAddr());
                }
            }
        } catch (IllegalArgumentException e) {
            caller = Optional.empty(); // not base64
        } catch (Authenticator.ThrottledException e) {
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            send(response, 429);
            return null;
        }
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            send(response, 401);
            return null;
        }
        if (!caller.get().isGlobal(Role.ADMIN)) {
            send(response, 403);
            return null;
        }
        return caller.get();
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof Caller caller && caller.isGlobal(Role.ADMIN);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // HTTP Basic has no server-side session to end
    }

    private static void send(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException | IllegalStateException e) {
            response.setStatus(status);
        }
    }
}
