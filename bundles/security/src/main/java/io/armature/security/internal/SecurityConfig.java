package io.armature.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code io.armature.security}: limits of the REST API and of logins. */
@ObjectClassDefinition(
        name = "Armature security",
        description = "Rate limits per caller, browser sessions, login throttling, password rules.")
public @interface SecurityConfig {
    @AttributeDefinition(
            name = "Requests per second",
            description =
                    "Sustained requests per second one API token or user may send; beyond it the"
                            + " API answers 429 with Retry-After.",
            min = "1")
    double requestsPerSecond() default 500;

    @AttributeDefinition(
            name = "Request burst",
            description = "Requests a caller may send at once before the per-second rate applies.",
            min = "1")
    double requestBurst() default 1000;

    @AttributeDefinition(
            name = "Session idle minutes",
            description = "A browser session ends after this long without a request.",
            min = "1")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(
            name = "Session lifetime hours",
            description = "A browser session ends this long after login, however active.",
            min = "1")
    int sessionMaxHours() default 12;

    @AttributeDefinition(
            name = "Failed logins per user",
            description =
                    "Consecutive failed logins for one user name before attempts are refused for"
                            + " a time that doubles with each further failure (at most 15 minutes).",
            min = "1")
    int loginFailuresPerUser() default 5;

    @AttributeDefinition(
            name = "Failed logins per source",
            description =
                    "Failed logins from one client address (any user names) within 15 minutes"
                            + " before its attempts are refused likewise.",
            min = "1")
    int loginFailuresPerSource() default 20;

    @AttributeDefinition(
            name = "Minimum password length",
            description = "Passwords shorter than this are refused.",
            min = "8")
    int minPasswordLength() default 12;
}
