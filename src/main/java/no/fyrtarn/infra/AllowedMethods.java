package no.fyrtarn.infra;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
 * of the path. Read once from the resource classes' {@code @Path} and method annotations.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /** The methods {@code path} takes, sorted, with HEAD where GET is and OPTIONS; empty for a path of none. */
    public Set<String> at(String path) {
        String wanted = normalized(path);
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(wanted).matches()) {
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
                            found.add(new Route(template(base.value() + "/" + (sub == null ? "" : sub.value())), verb));
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

    /** {@code /api/posts/{id}} → a pattern where each parameter is one path segment. */
    private static Pattern template(String path) {
        String[] literals = normalized(path).split("\\{[^}]*}", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
        for (int i = 1; i < literals.length; i++) {
            regex.append("[^/]+").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private static String normalized(String path) {
        String single = ("/" + path).replaceAll("/{2,}", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
