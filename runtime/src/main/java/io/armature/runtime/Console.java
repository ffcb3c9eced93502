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

    static void banner(String version, int port, BootPlan plan, Duration bootTime) {
        String url = "http://localhost:" + port;
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
        System.out.println(
                "  deploy:   " + plan.home().resolve("deploy") + "  (drop plugin jars here)");
        System.out.println();
        System.out.flush();
    }
}
