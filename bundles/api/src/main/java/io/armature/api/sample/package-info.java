/** Samples, batches, the ingest entry point and the live-stream listener SPI. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.armature.api.sample;
