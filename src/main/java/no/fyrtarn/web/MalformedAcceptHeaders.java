package no.fyrtarn.web;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Variant;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A page asked for with a malformed {@code Accept-Language}, {@code Accept-Charset} or {@code Accept-Encoding}
 * ("nb;q=abc", "sv;;q=0.5", "gzip;q=abc") is answered as if they were not there. Quarkus REST's Qute integration
 * negotiates the template's variant (HTML, UTF-8) against them for every page it renders, and a header it could not
 * parse turned the page into a 400 problem+json, "body: malformed JSON". Browsers send well-formed ones; a crawler, a
 * proxy or a script may not. The page's language does not depend on this: {@code infra/Language} reads the header
 * itself and takes one it cannot read for none.
 */
public class MalformedAcceptHeaders {

    private static final List<Variant> PAGE = List.of(new Variant(MediaType.TEXT_HTML_TYPE, (Locale) null, "UTF-8"));
    private static final List<String> NEGOTIATED = List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_CHARSET,
            HttpHeaders.ACCEPT_ENCODING, HttpHeaders.ACCEPT_LANGUAGE);

    @ServerRequestFilter
    @WebPage
    public void readAsNone(ContainerRequestContext request) {
        try {
            request.getRequest().selectVariant(PAGE);
        } catch (RuntimeException malformed) {
            NEGOTIATED.forEach(request.getHeaders()::remove);
        }
    }
}
