package io.armature.runtime;

import io.armature.boot.BootPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The launcher's own output lines, in the same shape as the runtime's log lines. */
final class Console {
    private Console() {}

    static void info(String message) {
        System.out.println(
                Instant.now().truncatedTo(ChronoUnit.MILLIS)
                        + " [main] INFO armature - "
                        + message);
    }

    static void error(String message) {
        System.err.println(
                Instant.now().truncatedTo(ChronoUnit.MILLIS)
                        + " [main] ERROR armature - "
                        + message);
    }

    static void banner(
            String version,
            Listen listen,
            BootPlan plan,
            java.nio.file.Path data,
            Duration bootTime) {
        String url =
                (listen.http() ? "http://" : "https://")
                        + listen.localHost()
                        + ":"
                        + listen.probePort();
        System.out.println();
        System.out.println("  Armature " + version + " ready in " + bootTime.toMillis() + " ms");
        System.out.println("  profile:  " + plan.profile().name());
        System.out.println("  features: " + String.join(", ", plan.enabled()));
        System.out.println(
                "  REST API: "
                        + url
                        + "/api/v1/system  (OpenAPI: "
                        + url
                        + "/api/v1/openapi.json)");
        System.out.println("  health:   " + url + "/health");
        if (listen.http() && listen.tls()) {
            System.out.println(
                    "  HTTPS:    https://" + listen.localHost() + ":" + listen.tlsPort());
        }
        System.out.println("  listening on " + listen.host() + " (another address with --host)");
        System.out.println(
                "  admin token: "
                        + data.resolve("secrets/admin.token")
                        + "  (curl -H \"Authorization: Bearer $(cat <that file>)\" ...)");
        System.out.println(
                "  deploy:   " + plan.home().resolve("deploy") + "  (drop plugin jars here)");
        System.out.println();
        System.out.flush();
    }
}
