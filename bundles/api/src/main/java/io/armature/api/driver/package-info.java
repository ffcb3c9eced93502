/** Protocol drivers: how devices and machines get their data into Armature. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.armature.api.driver;
