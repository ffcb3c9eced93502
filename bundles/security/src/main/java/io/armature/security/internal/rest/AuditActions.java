package io.armature.security.internal.rest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The audit action a state-changing request stands for, by method and path; empty for requests that
 * are not audited by the filter (samples and heartbeats: the data path; the login: its resource
 * audits success and failure with the user name tried).
 */
final class AuditActions {
    private record Rule(String method, Pattern path, String action) {}

    private static final List<Rule> RULES =
            List.of(
                    rule("POST", "/api/v1/tenants/[^/]+/samples", null),
                    rule("POST", "/api/v1/tenants/[^/]+/devices/[^/]+/heartbeat", null),
                    rule("POST", "/api/v1/auth/login", null),
                    rule("POST", "/api/v1/auth/logout", "auth.logout"),
                    rule("POST", "/api/v1/users", "user.create"),
                    rule("PATCH", "/api/v1/users/[^/]+", "user.update"),
                    rule("DELETE", "/api/v1/users/[^/]+", "user.delete"),
                    rule("POST", "/api/v1/tokens", "token.create"),
                    rule("DELETE", "/api/v1/tokens/[^/]+", "token.revoke"),
                    rule("POST", "/api/v1/system/bundles", "bundle.install"),
                    rule("PUT", "/api/v1/system/bundles/[^/]+", "bundle.update"),
                    rule("DELETE", "/api/v1/system/bundles/[^/]+", "bundle.uninstall"),
                    rule("PUT", "/api/v1/system/features/[^/]+", "feature.toggle"),
                    rule("PUT", "/api/v1/system/configurations/[^/]+", "configuration.change"),
                    rule("DELETE", "/api/v1/system/configurations/[^/]+", "configuration.delete"),
                    rule("POST", "/api/v1/drivers", "driver.create"),
                    rule("PUT", "/api/v1/drivers/[^/]+", "driver.update"),
                    rule("DELETE", "/api/v1/drivers/[^/]+", "driver.delete"),
                    rule("POST", "/api/v1/drivers/[^/]+/restart", "driver.restart"),
                    rule("POST", "/api/v1/tenants", "tenant.create"),
                    rule("PATCH", "/api/v1/tenants/[^/]+", "tenant.update"),
                    rule("DELETE", "/api/v1/tenants/[^/]+", "tenant.delete"),
                    rule("POST", "/api/v1/tenants/[^/]+/devices", "device.create"),
                    rule("PATCH", "/api/v1/tenants/[^/]+/devices/[^/]+", "device.update"),
                    rule("DELETE", "/api/v1/tenants/[^/]+/devices/[^/]+", "device.delete"),
                    rule("POST", "/api/v1/tenants/[^/]+/devices/[^/]+/commands", "device.command"),
                    rule("POST", "/api/v1/tenants/[^/]+/devices/[^/]+/sensors", "sensor.create"),
                    rule(
                            "DELETE",
                            "/api/v1/tenants/[^/]+/devices/[^/]+/sensors/[^/]+",
                            "sensor.delete"));

    private AuditActions() {}

    private static Rule rule(String method, String path, String action) {
        return new Rule(method, Pattern.compile(path + "/?"), action);
    }

    static Optional<String> of(String method, String path) {
        for (Rule rule : RULES) {
            if (rule.method().equals(method) && rule.path().matcher(path).matches()) {
                return Optional.ofNullable(rule.action());
            }
        }
        return Optional.of("request." + method.toLowerCase(java.util.Locale.ROOT));
    }
}
