package io.armature.device.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the device registry (PID {@value DeviceRegistryImpl#PID}). */
@ObjectClassDefinition(
        name = "Armature device registry",
        description = "Tenants, devices, device status and retention")
public @interface RegistryConfig {
    @AttributeDefinition(
            name = "Status timeout (s)",
            description = "A device is online while seen within this time",
            min = "1")
    long statusTimeoutSeconds() default 20;

    @AttributeDefinition(
            name = "Create unknown tenants",
            description =
                    "Samples for a tenant that does not exist create it (with the auto-register"
                            + " device policy); otherwise they are rejected as unknown_tenant")
    boolean autoCreateTenants() default true;

    @AttributeDefinition(
            name = "Retention check (min)",
            description = "How often each tenant's retention is applied",
            min = "1")
    long retentionCheckMinutes() default 60;
}
