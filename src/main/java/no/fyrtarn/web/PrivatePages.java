package no.fyrtarn.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A page is made for the person whose session cookie came with the request. Unlike an {@code Authorization} header, a
 * cookie does not keep shared caches (a proxy, a CDN) from storing the answer, so every page and fragment says
 * {@code private}, and {@code no-cache} makes the browser ask again rather than show a stale one. The browser's
 * back/forward cache still keeps a page (the live regions catch up when it comes back).
 */
@WebPage
@Provider
public class PrivatePages implements ContainerResponseFilter {

    static final String PRIVATE = "private, no-cache";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PRIVATE);
        }
    }
}
