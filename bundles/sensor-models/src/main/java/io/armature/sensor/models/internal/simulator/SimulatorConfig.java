package io.armature.sensor.models.internal.simulator;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Simulated device",
        description =
                "A device whose sensors follow their sensor type's model (ARMA) with white noise,"
                        + " spikes and drift; sends heartbeats and accepts commands")
public @interface SimulatorConfig {
    @AttributeDefinition(name = "Tenant", description = "Tenant of the device (created if absent)")
    String tenant();

    @AttributeDefinition(name = "Device", description = "Device id (registered if absent)")
    String device();

    @AttributeDefinition(
            name = "Device type",
            required = false,
            description =
                    "The device's type when it is registered; empty = the sensor type when all"
                            + " sensors share one")
    String deviceType() default "";

    @AttributeDefinition(
            name = "Sensors",
            description =
                    "One JSON object per sensor: {\"sensor_identifier\", \"sensor_type\","
                            + " \"sampling_interval\" (s), \"data\": [{\"offset\", \"resolution\","
                            + " \"disturbances\": [...]}], \"backfill\": {\"from\", \"to\"}}"
                            + " (docs/simulation.md)")
    String[] sensors();

    @AttributeDefinition(
            name = "Seed",
            required = false,
            description =
                    "Seed of the randomness (a sensor's own seed wins); the same seed gives the"
                            + " same values")
    long seed() default 1;

    @AttributeDefinition(
            name = "Heartbeat interval (s)",
            required = false,
            description = "Seconds between heartbeats; 0 = none")
    int heartbeatSeconds() default 10;
}
