/** How a bundle contributes JAX-RS resources to the REST API. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.armature.api.rest;
