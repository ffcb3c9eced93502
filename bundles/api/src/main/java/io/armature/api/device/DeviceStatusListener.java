package io.armature.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives device status transitions. Register as an OSGi service. Called asynchronously on a
 * core-owned thread; must not block for long; exceptions are logged and ignored.
 */
@ConsumerType
public interface DeviceStatusListener {
    /** Called once per transition. */
    void onStatusChange(DeviceStatusChange change);
}
