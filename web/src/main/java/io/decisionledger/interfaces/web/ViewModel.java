package io.decisionledger.interfaces.web;

import jakarta.enterprise.inject.Stereotype;
import jakarta.faces.view.ViewScoped;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A backing bean that lives as long as its view ({@code @ViewScoped}). A stereotype because the
 * Faces {@code @ViewScoped} annotation lives in the bundled Mojarra jar, which the annotated-mode
 * bean discovery of this archive does not count as bean-defining: beans carrying only it were not
 * found ("Target Unreachable"). A stereotype is always bean-defining.
 */
@Stereotype
@ViewScoped
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ViewModel {}
