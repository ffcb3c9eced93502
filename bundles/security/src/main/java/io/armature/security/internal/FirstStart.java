package io.armature.security.internal;

import io.armature.boot.PrivateFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a runtime with no users does once: an {@code admin} user with a random password and an admin
 * API token, both written to {@code data/secrets/} (0600) and printed once on the console.
 */
final class FirstStart {
    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "admin.password";
    static final String TOKEN_FILE = "admin.token";

    private FirstStart() {}

    static void announce(
            Path secrets, String password, String token, String baseUrl, PrintStream out)
            throws IOException {
        PrivateFiles.write(secrets.resolve(PASSWORD_FILE), password);
        PrivateFiles.write(secrets.resolve(TOKEN_FILE), token);
        out.println();
        out.println("Armature first start: created user 'admin' and an admin API token.");
        out.println("  admin password: " + password);
        out.println("  admin token:    " + token);
        out.println("  both are in " + secrets + " (readable only by this user);");
        out.println("  they are shown only this once. Try:");
        out.println(
                "  curl -H \"Authorization: Bearer $(cat "
                        + secrets.resolve(TOKEN_FILE)
                        + ")\" "
                        + baseUrl
                        + "/api/v1/auth/me");
        out.println();
        out.flush();
    }
}
