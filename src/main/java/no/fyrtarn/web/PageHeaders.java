package no.fyrtarn.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import no.fyrtarn.infra.PublicUrl;

/** The headers of every page and fragment ({@link WebPage}), and of every error page. */
@WebPage
@Provider
public class PageHeaders implements ContainerResponseFilter {

    /**
     * A page is made for the person whose session cookie came with the request. Unlike an {@code Authorization}
     * header, a cookie does not keep shared caches (a proxy, a CDN) from storing the answer: {@code private}, and
     * {@code no-cache} makes the browser ask again rather than show a stale page. Its back/forward cache still keeps
     * one (the live regions catch up when it comes back).
     */
    static final String CACHE = "private, no-cache";

    /**
     * Only this site's own script, styles (and the style attributes the templates set), images and connections; no
     * framing by any other site, so no page can be clicked through from under another's (approving a post, sharing).
     * Forms may go anywhere: sharing without script answers with a redirect to the network.
     */
    static final String POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Where people reach the service over HTTPS ({@code fyrtarn.public-url}): a browser that opened a page once goes
     * there over HTTPS only for a year, also from a link or a typed address that says http, where someone on the
     * network (a café's Wi-Fi) could otherwise answer in the service's name with a page of their own.
     */
    static final String TRANSPORT = "max-age=31536000";

    @Inject
    PublicUrl publicUrl;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        addTo(response.getHeaders(), publicUrl.https());
    }

    /** Also for the error pages {@link PageErrors} makes, wherever they answer. */
    static void addTo(MultivaluedMap<String, Object> headers, boolean https) {
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, CACHE);
        }
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle("X-Frame-Options", "DENY");
        if (https) {
            headers.putSingle("Strict-Transport-Security", TRANSPORT);
        }
    }
}
