/**
 * Who is calling and what they may do: roles, grants, callers, the annotations a REST resource
 * declares its required role with, the authenticator drivers use for device credentials, and the
 * audit log.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.armature.api.security;
