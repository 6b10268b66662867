package no.fyrtarn.infra;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Reads a JSON request body whole on the event loop, before the request goes to a blocking endpoint. Without it the
 * worker thread reads the body through Quarkus REST's blocking input stream, whose hand-over from the event loop is a
 * contended monitor on every POST (a third of the event loop's time under a flood of shares). JSON bodies are small
 * (quarkus.http.limits.max-body-size); other bodies (CSV, forms), and bodies of methods other than POST, PUT and PATCH,
 * are read as before. A JSON body that turns out larger than the limit while it arrives (chunked, so no Content-Length
 * to refuse it by) fails the request with 413, which {@link HttpProblems} answers as problem+json.
 */
@ApplicationScoped
public class BufferedJsonBodies {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
        // only the methods this API takes a body with: a GET (a tracked link, the feed) passes no handler here
        Route withBody = router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).method(HttpMethod.POST)
                .method(HttpMethod.PUT).method(HttpMethod.PATCH);
        withBody.handler(ctx -> {
            if (isJson(ctx.request().getHeader("Content-Type"))) {
                body.handle(ctx);
            } else {
                ctx.next();
            }
        });
        withBody.handler(ctx -> {
            // An empty body (Content-Length: 0, or chunked without a chunk) leaves the body handler no buffer, and
            // Quarkus REST would then wait for the request's end, which the handler has already taken: no answer, ever.
            if (ctx.body().available() && ctx.body().buffer() == null) {
                ((RoutingContextInternal) ctx).setBody(Buffer.buffer());
            }
            ctx.next();
        });
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
