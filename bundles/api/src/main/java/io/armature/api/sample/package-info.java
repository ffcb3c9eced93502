/**
 * Samples, batches, the ingest entry point, the best-effort live-stream listener SPI and the
 * durable sample feed for consumers that must see every accepted sample.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.armature.api.sample;
