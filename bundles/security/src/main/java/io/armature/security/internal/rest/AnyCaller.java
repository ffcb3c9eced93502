package io.armature.security.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of the security bundle's own resources that every authenticated caller may call,
 * whatever their role (their own session, tokens and identity); the method itself restricts what it
 * touches to the caller's own things unless the caller is a global admin.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface AnyCaller {}
