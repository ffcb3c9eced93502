/** Sensor types (metrics, units, valid ranges) and their simulators. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.armature.api.sensor;
