package io.armature.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JAX-RS resource method anyone may call without credentials (the login endpoint, the overall
 * {@code GET /health}). Credentials sent anyway are still checked, and the caller is then known to
 * the resource; without them the request's user principal is an anonymous {@link Caller} with no
 * grants.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unauthenticated {}
