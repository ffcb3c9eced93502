/** Tenants, devices, device status and the device registry. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.armature.api.device;
