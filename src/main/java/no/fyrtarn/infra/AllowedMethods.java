package no.fyrtarn.infra;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each path of the service takes, for the {@code Allow} header a 405 must carry (RFC 9110, 15.5.6):
 * Quarkus REST answers 405 without one, and its automatic OPTIONS lists the methods of a resource class rather than
 * of the path. Read once from the resource classes' {@code @Path} and method annotations, and matched segment by
 * segment, so that a parameter holding an encoded slash ({@code %2F}) stays one segment, as Quarkus routed it.
 */
@ApplicationScoped
public class AllowedMethods {

    /** A template's segments, {@code null} where a parameter takes any one segment. */
    private record Route(List<String> segments, String method) {

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
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /**
     * The methods a path takes, sorted, with HEAD where GET is and OPTIONS; empty for a path of none.
     *
     * @param rawPath the path as sent, still percent-encoded
     */
    public Set<String> at(String rawPath) {
        List<String> wanted = segments(rawPath).stream().map(AllowedMethods::decoded).toList();
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.matches(wanted)) {
                methods.add(route.method());
            }
        }
        if (!methods.isEmpty()) {
            if (methods.contains(HttpMethod.GET)) {
                methods.add(HttpMethod.HEAD);
            }
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
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
                            String path = base.value() + "/" + (sub == null ? "" : sub.value());
                            found.add(new Route(segments(path).stream().map(AllowedMethods::literal).toList(), verb));
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
