/**
 * Alerting: the alert model (severities; active/cleared and acknowledged as independent axes), the
 * alert rule SPI evaluated by the alert engine on every accepted sample and on a clock, rule memory
 * the engine keeps durably, alert changes and notifiers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.armature.api.alert;
