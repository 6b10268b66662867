package no.fyrtarn.infra;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * A query parameter an endpoint reads, given more than once, is a 400 naming it. JAX-RS takes the first and drops the
 * rest without a word: {@code ?topic=hiring&topic=product} showed the hiring posts alone, and which one a client
 * meant is anyone's guess. No endpoint takes a list in the query. Parameters the endpoint does not read are left
 * alone, such as what a network adds to a tracked link ({@code fbclid}); a request without a query costs one check.
 */
public class RepeatedQueryParameters {

    private static final Map<Method, Set<String>> READ = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseRepeated(HttpServerRequest request, ResourceInfo resource, UriInfo uri) {
        if (request.query() == null) {
            return;
        }
        Set<String> read = READ.computeIfAbsent(resource.getResourceMethod(), RepeatedQueryParameters::queryParameters);
        if (read.isEmpty()) {
            return;
        }
        MultivaluedMap<String, String> given = uri.getQueryParameters();
        for (String name : read) {
            List<String> values = given.get(name);
            if (values != null && values.size() > 1) {
                throw ProblemException.badRequest(name, Language.text("fyrtarn.query-once"));
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        return Stream.of(method.getParameterAnnotations()).flatMap(Stream::of)
                .filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .collect(Collectors.toUnmodifiableSet());
    }
}
