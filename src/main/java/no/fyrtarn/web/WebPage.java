package no.fyrtarn.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource class that serves HTML pages: without a valid session its callers are sent to the login page,
 * and a wrong role gets an HTML 403 page instead of problem+json. Its answers are for the person signed in only
 * ({@link PageHeaders}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WebPage {
}
