package io.armature.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a DS component as a JAX-RS resource (a class with {@code jakarta.ws.rs.Path}) or provider
 * (for example an {@code ExceptionMapper}) of the Armature REST API. The REST layer picks up every
 * such service, including ones from bundles deployed later, and drops it when the bundle goes.
 *
 * <pre>
 * &#64;Component(service = DevicesResource.class)
 * &#64;RestResource
 * &#64;Path("/api/v1/things")
 * public class DevicesResource { ... }
 * </pre>
 *
 * <p>Register the component under its own class as service so the REST layer sees its JAX-RS
 * annotations. Resource instances are singletons and must be thread-safe. Errors should be thrown
 * as {@code jakarta.ws.rs.WebApplicationException}s; the REST layer renders every error as RFC 9457
 * {@code application/problem+json}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RestResource {
    /** Prefix making the service property {@code armature.rest.resource=true}. */
    String PREFIX_ = "armature.";

    /** The service property name the REST layer tracks. */
    String PROPERTY = "armature.rest.resource";
}
