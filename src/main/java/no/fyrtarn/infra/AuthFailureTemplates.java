package no.fyrtarn.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Spares every request a cost Quarkus REST 3.37 adds when Micrometer is present. Right after the authentication
 * filter (priority 200), a filter of Quarkus REST (priority 199) swaps the request's auth failure handler for its own,
 * and first works out the request's URL template for the metrics, in case authentication fails before the request
 * reaches a resource. It does that by building a new request mapper over all resource classes, on every request,
 * failing or not: 16% of the event loop's samples under a flood of the bench's bare 302.
 * <p>
 * Here nothing can fail authentication before a resource: authentication is lazy (quarkus.http.auth.proactive=false)
 * and no HTTP permission is configured; and where a request fails with an authentication error, Quarkus's own failure
 * filter (ObservabilityIntegrationRecorder's pre-auth-failure handler) still works out the template. So this class
 * makes the same swap first, and Quarkus's filter, finding its handler already in place, skips the work. Its handler
 * is taken, by a second filter right after Quarkus's, from the first request where Quarkus's filter put it: a
 * stateless object of a class Quarkus does not expose. (Read when a request ends instead, it was no longer in place
 * for REST requests.) Until then, or if a later Quarkus no longer puts one, requests go the way they went without
 * this class.
 * <p>
 * Our filter registers at Quarkus's authentication priority; filters of the same priority run in the order they were
 * registered, and the application's come after Quarkus's own, so it runs after authentication and before 199.
 */
@ApplicationScoped
public class AuthFailureTemplates {

    /** Quarkus REST's handler, as its filter puts it: the class name is the only handle on it. */
    private static final String REST_HANDLER = "io.quarkus.resteasy.reactive.server.runtime."
            + "ResteasyReactiveRecorder$FailingDefaultAuthFailureHandler";
    private static final int AUTHENTICATION = 200;
    /** Right after Quarkus REST's filter (199). */
    static final int AFTER_REST_SWAP = 198;

    private volatile Object restHandler;

    void install(@Observes Filters filters) {
        filters.register(this::swapEarly, AUTHENTICATION);
        filters.register(this::learn, AFTER_REST_SWAP);
    }

    /** Quarkus REST's handler once a request has shown it, else null. */
    Object restHandler() {
        return restHandler;
    }

    private void swapEarly(RoutingContext ctx) {
        Object handler = restHandler;
        if (handler != null && ctx.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, handler);
        }
        ctx.next();
    }

    private void learn(RoutingContext ctx) {
        if (restHandler == null) {
            Object put = ctx.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
            if (put != null && put.getClass().getName().equals(REST_HANDLER)) {
                restHandler = put;
            }
        }
        ctx.next();
    }
}
