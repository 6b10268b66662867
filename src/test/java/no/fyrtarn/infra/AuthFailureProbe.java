package no.fyrtarn.infra;

import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Test only: right after Quarkus REST's filter (priority 199), counts the requests where that filter found
 * {@link AuthFailureTemplates}'s handler in place, so skipped its mapping (a handler it made itself is a new object).
 */
@ApplicationScoped
public class AuthFailureProbe {

    private final LongAdder spared = new LongAdder();

    @Inject
    AuthFailureTemplates templates;

    void install(@Observes Filters filters) {
        filters.register(this::count, AuthFailureTemplates.AFTER_REST_SWAP);
    }

    long spared() {
        return spared.sum();
    }

    private void count(RoutingContext ctx) {
        Object handler = templates.restHandler();
        if (handler != null && ctx.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) == handler) {
            spared.increment();
        }
        ctx.next();
    }
}
