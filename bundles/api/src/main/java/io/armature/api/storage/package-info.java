/** Time-series storage backends: batch writes, raw, bucketed and latest queries. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.armature.api.storage;
