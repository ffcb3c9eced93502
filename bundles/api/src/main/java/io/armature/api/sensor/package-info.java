/**
 * Sensor types (metrics, UCUM units, valid ranges, sampling interval) and their simulators. Ingest
 * range-checks the samples of typed devices against them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.armature.api.sensor;
