/**
 * Protocol drivers: how devices and machines get their data into Armature, how the runtime
 * supervises them, and how commands reach devices.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package io.armature.api.driver;
