package io.armature.core.internal.driver;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Armature driver supervisor",
        description =
                "Starts every protocol driver on a thread of its own, restarts failed drivers with"
                        + " exponential backoff and abandons starts and stops that hang")
public @interface SupervisorConfig {
    @AttributeDefinition(
            name = "First retry (ms)",
            description = "Delay before the first restart after a failure; doubles per failure",
            min = "1")
    long firstRetryMillis() default 1000;

    @AttributeDefinition(
            name = "Longest retry delay (s)",
            description = "The doubling delay is capped here",
            min = "1")
    long maxRetrySeconds() default 300;

    @AttributeDefinition(
            name = "Stable period (s)",
            description =
                    "A driver that ran this long before failing starts its backoff again from the"
                            + " first retry",
            min = "1")
    long stablePeriodSeconds() default 60;

    @AttributeDefinition(
            name = "Start timeout (s)",
            description = "A start that has not returned by then is abandoned and retried",
            min = "1")
    long startTimeoutSeconds() default 30;

    @AttributeDefinition(
            name = "Stop timeout (s)",
            description = "A stop that has not returned by then is abandoned",
            min = "1")
    long stopTimeoutSeconds() default 10;
}
