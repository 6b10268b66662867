package no.fyrtarn.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers the errors that never reach a JAX-RS resource as problem+json too: malformed addresses (400, judged by
 * {@link RequestTargets} where Quarkus's own check is off, as {@link FyrtarnMain} and the tests have it), paths nobody
 * serves (404) and bodies declared (Content-Length) over quarkus.http.limits.max-body-size (413). A chunked JSON body
 * found over the limit while {@link BufferedJsonBodies} reads it is answered here too; any other chunked body over it
 * is still cut off by Vert.x with a bare 413.
 */
@ApplicationScoped
public class HttpProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (!RequestTargets.acceptable(ctx.request().uri())) {
                ctx.response().putHeader("Connection", "close"); // what body it has is not read
                send(ctx, Problem.of(400, "Bad Request", "The address holds a character it may not hold as it is, or"
                        + " a % not followed by two hex digits: percent-encode it"));
            } else if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit) {
                // a declared length over the limit is refused before anything reads the body
                ctx.response().putHeader("Connection", "close");
                send(ctx, tooLarge(limit));
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> { // a body that outgrew the limit while it was read (BufferedJsonBodies)
            if (ctx.statusCode() == 413) {
                send(ctx, tooLarge(limit));
            } else {
                ctx.next();
            }
        });
        router.route().last().handler(HttpProblems::notFound);
    }

    /** A path nobody serves. */
    static void notFound(RoutingContext ctx) {
        send(ctx, Problem.of(404, "Not Found", "No such resource"));
    }

    private static Problem tooLarge(long limit) {
        return Problem.of(413, "Content Too Large", "The request body is larger than " + limit + " bytes");
    }

    private static void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
