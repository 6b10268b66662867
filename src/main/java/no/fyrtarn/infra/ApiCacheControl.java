package no.fyrtarn.infra;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's answers are kept by no cache on their way: {@code Cache-Control: no-store}, where the resource set none.
 * The API takes the pages' session cookie too (the studio's links CSV is a plain link, the feed's share button a
 * fetch), and a cookie, unlike an {@code Authorization} header, does not keep a shared cache (a company's proxy, a CDN
 * in front of the service) from storing an answer made for one person, their feed, their points or a post's sharers
 * by name, and giving it to the next: without the header, a 200 is one a cache may store and judge fresh by its own
 * heuristics (RFC 9111, 4.2.2). Until session 52 the API's answers had none.
 */
@Provider
public class ApiCacheControl implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)
                && request.getUriInfo().getPath().startsWith("/api/")) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
