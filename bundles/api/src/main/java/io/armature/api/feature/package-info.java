/** Features (bundles plus default configurations) and the active customer profile. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.armature.api.feature;
