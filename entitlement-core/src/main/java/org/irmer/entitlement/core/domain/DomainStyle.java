package org.irmer.entitlement.core.domain;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.Var;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project. Generated {@code Immutable*} classes are
 * package-private and hidden behind the abstract value type: callers write
 * {@code Examination.builder()} and see {@code Examination}, never the generated name.
 *
 * <p>Of the annotations Immutables adds when it finds them on the classpath, only Error Prone's
 * are allowed: Guava brings them to every user of core. Immutables' own
 * {@code org.immutables.value.Generated} is left out: it stays in the class files, and every
 * module or vendor compiling against core without Immutables on its classpath would get a javac
 * warning for each generated class. The JDK's source-retained
 * {@code javax.annotation.processing.Generated} is left out too, so that core's classes name
 * nothing outside the JDK's {@code java} packages, Guava and its annotations.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = true, prehash = false),
    strictBuilder = false,
    depluralize = true,
    depluralizeDictionary = {"sex:sexes"},
    allowedClasspathAnnotations = {
        CanIgnoreReturnValue.class, Var.class, com.google.errorprone.annotations.Immutable.class})
public @interface DomainStyle {}
