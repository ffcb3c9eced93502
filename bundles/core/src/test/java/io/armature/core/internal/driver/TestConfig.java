package io.armature.core.internal.driver;

import java.lang.annotation.Annotation;

/** Supervisor timings for tests: fast retries, the shortest timeouts the config allows. */
public record TestConfig(long firstRetryMillis, long maxRetrySeconds, long stablePeriodSeconds)
        implements SupervisorConfig {
    public static TestConfig fast() {
        return new TestConfig(50, 300, 60);
    }

    @Override
    public long startTimeoutSeconds() {
        return 1;
    }

    @Override
    public long stopTimeoutSeconds() {
        return 1;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return SupervisorConfig.class;
    }
}
