package io.armature.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a JAX-RS resource class or method needs; a method's annotation overrides its class's. A
 * resource without it (and without {@link Unauthenticated}) is admin-only: secure by default.
 *
 * <p>The REST layer enforces it on every request before the resource runs. On a path with a {@code
 * {tenant}} parameter, a grant for that tenant (or a global one) is needed, and a caller with no
 * grant for the tenant gets 404, as if it did not exist; with a {@code {device}} parameter too, a
 * device-scoped grant must name that device. On a path without a tenant, a global grant is needed.
 * A resource marked {@link #filtered()} is admitted with any grant of the role covering the path's
 * tenant (if any) and itself restricts what it answers or does to what the caller's grants cover.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    /** The role needed. */
    Role value();

    /**
     * True when the resource itself checks {@link Caller#permits} or {@link Caller#canSee} for each
     * tenant or device it answers about or acts on (a list of tenants, samples of several devices):
     * then any grant of the role that covers the path's tenant admits the caller.
     */
    boolean filtered() default false;
}
