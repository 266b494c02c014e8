package org.irmer.entitlement.core.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project. Generated {@code Immutable*} classes are
 * package-private and hidden behind the abstract value type: callers write
 * {@code Examination.builder()} and see {@code Examination}, never the generated name.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = true, prehash = false),
    strictBuilder = false,
    depluralize = true,
    depluralizeDictionary = {"sex:sexes"})
public @interface DomainStyle {}
