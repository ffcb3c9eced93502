/** Alert rules, alerts and notifiers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.armature.api.alert;
