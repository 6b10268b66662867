package no.fyrtarn.infra;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The methods each path of the service takes, for the {@code Allow} header a 405 must carry (RFC 9110, 15.5.6) and
 * for OPTIONS: Quarkus REST answers 405 without one, and its automatic OPTIONS lists the methods of a resource class
 * rather than of the path, says 200 for paths nobody serves, and tags its metric with the path as sent. Read once
 * from the resource classes' {@code @Path} and method annotations, and matched segment by segment, so that a
 * parameter holding an encoded slash ({@code %2F}) stays one segment, as Quarkus routed it.
 */
@ApplicationScoped
public class AllowedMethods {

    /** A template ({@code /api/posts/{id}}) and its segments, {@code null} where a parameter takes any one segment. */
    private record Route(String template, List<String> segments, String method) {

        boolean matches(List<String> path) {
            if (path.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < path.size(); i++) {
                if (segments.get(i) != null && !segments.get(i).equals(path.get(i))) {
                    return false;
                }
            }
            return true;
        }

        long literals() {
            return segments.stream().filter(Objects::nonNull).count();
        }
    }

    /** Where Micrometer's HTTP binder looks for a request's route template ({@code uri} tag); Quarkus REST's key. */
    private static final String METRIC_TEMPLATE = "UrlPathTemplate";

    /** A static file's path (META-INF/resources): a name with an extension, no dot-segment, nothing encoded. */
    private static final Pattern STATIC_FILE =
            Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*/[A-Za-z0-9_-]+\\.[a-z0-9]+");

    @Inject
    BeanManager beans;

    @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
    String quarkusEndpoints;

    @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false")
    boolean cors;

    private volatile List<Route> routes;

    /**
     * The methods a path takes, sorted, with HEAD where GET is and OPTIONS; empty for a path of none.
     *
     * @param rawPath the path as sent, still percent-encoded
     */
    public Set<String> at(String rawPath) {
        return methods(matching(rawPath));
    }

    private static Set<String> methods(List<Route> routes) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            methods.add(route.method());
        }
        if (!methods.isEmpty()) {
            if (methods.contains(HttpMethod.GET)) {
                methods.add(HttpMethod.HEAD);
            }
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    /**
     * OPTIONS, answered here before Quarkus REST's own: 204 with the path's {@code Allow}, or 404 for a path nobody
     * serves. Its metric gets the route's template, so that a client inventing paths ({@code OPTIONS /s/…}) cannot
     * add a time series per path. A route of OPTIONS alone: every other request passes it by its method. Quarkus's
     * own endpoints ({@code /q/…}), and CORS preflights should CORS be switched on, keep their answers.
     */
    void answerOptions(@Observes Router router) {
        String own = "/" + quarkusEndpoints.replaceAll("^/+|/+$", "") + "/";
        router.route().method(io.vertx.core.http.HttpMethod.OPTIONS).order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.request().path();
            if (path == null || (path + "/").startsWith(own)
                    || cors && ctx.request().getHeader("Access-Control-Request-Method") != null) {
                ctx.next();
            } else {
                options(ctx, path);
            }
        });
    }

    private void options(RoutingContext ctx, String path) {
        List<Route> served = matching(path);
        Set<String> methods = methods(served);
        if (methods.isEmpty() && STATIC_FILE.matcher(path).matches()
                && Thread.currentThread().getContextClassLoader().getResource("META-INF/resources" + path) != null) {
            methods = new TreeSet<>(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS));
        }
        if (methods.isEmpty()) {
            HttpProblems.notFound(ctx);
            return;
        }
        // the most literal template where several match (/api/posts/{id} for /api/posts/0b5…), as Quarkus routes
        served.stream().max(Comparator.comparingLong(Route::literals))
                .ifPresent(route -> ContextLocals.put(METRIC_TEMPLATE, route.template()));
        ctx.response().setStatusCode(204).putHeader("Allow", String.join(", ", methods)).end();
    }

    private List<Route> matching(String rawPath) {
        List<String> wanted = segments(rawPath).stream().map(AllowedMethods::decoded).toList();
        return routes().stream().filter(route -> route.matches(wanted)).toList();
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path base = bean.getBeanClass().getAnnotation(Path.class);
                if (base != null) {
                    for (Method method : bean.getBeanClass().getMethods()) {
                        String verb = httpMethod(method);
                        if (verb != null) {
                            Path sub = method.getAnnotation(Path.class);
                            List<String> segments = segments(base.value() + "/" + (sub == null ? "" : sub.value()));
                            found.add(new Route("/" + String.join("/", segments),
                                    segments.stream().map(AllowedMethods::literal).toList(), verb));
                        }
                    }
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    /** A template's segment, or {@code null} for a parameter ({@code {id}}). */
    private static String literal(String segment) {
        return segment.startsWith("{") && segment.endsWith("}") ? null : segment;
    }

    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
