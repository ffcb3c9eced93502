/** Tenants, devices, device status and the device registry. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.armature.api.device;
