package no.fyrtarn.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource class that serves HTML pages: without a valid session its callers are sent to the login page,
 * and a wrong role gets an HTML 403 page instead of problem+json. Its answers are for the person signed in only
 * ({@link PageHeaders}). On a {@code @ServerRequestFilter} method, it applies the filter to pages alone
 * ({@link FormText}); on that filter's class, Quarkus REST would apply it to every request.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface WebPage {
}
