/** Health checks contributed by any bundle and reported at {@code GET /health}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.armature.api.health;
