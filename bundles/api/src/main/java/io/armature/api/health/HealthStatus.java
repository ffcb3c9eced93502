package io.armature.api.health;

/** Health of a component, best first. */
public enum HealthStatus {
    UP,
    DEGRADED,
    DOWN
}
