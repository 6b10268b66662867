package no.fyrtarn.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import no.fyrtarn.infra.Problem;
import no.fyrtarn.infra.ProblemMappers;

/**
 * Cross-site request forgery, refused twice over. First, a browser that says a state-changing request comes from
 * another site ({@code Sec-Fetch-Site: cross-site}, sent by every current browser) is refused, however it is
 * authenticated: a gateway in front that adds an Authorization header for its own session would otherwise carry such
 * a request through. Second, the double submit: a state-changing request that is authenticated by the
 * {@code fyrtarn_token} cookie (no Authorization header) must carry the value of the readable {@code fyrtarn_csrf}
 * cookie in the {@code X-CSRF-Token} header or, from a form, in the {@code _csrf} field (as the page masked it,
 * {@link SessionCookies#masked}, or as it is); else 403. Another site can make the browser send the cookies (where
 * SameSite is not honoured) but cannot read them. Open endpoints ({@code @PermitAll}) authenticate nobody, so only the
 * first check applies to them.
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        if ("cross-site".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            return ProblemMappers.response(Problem.of(403, "Forbidden",
                    "A request that changes something is not taken from another site"));
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || !request.getCookies().containsKey(SessionCookies.TOKEN)
                || resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        Cookie cookie = request.getCookies().get(SessionCookies.CSRF);
        String expected = cookie == null ? "" : cookie.getValue();
        String header = request.getHeaderString(SessionCookies.CSRF_HEADER);
        boolean echoed = header != null ? same(expected, header)
                : request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                        && context.getFormParameter(SessionCookies.CSRF_FIELD, true, false) instanceof String field
                        && (same(expected, SessionCookies.unmasked(field)) || same(expected, field));
        if (!echoed) {
            return ProblemMappers.response(Problem.of(403, "Forbidden",
                    "A request authenticated by the session cookie must carry its CSRF token (" + SessionCookies.CSRF_HEADER + ")"));
        }
        return null;
    }

    /** The cookie's token, not empty, and the one sent, compared in constant time. */
    private static boolean same(String expected, String sent) {
        return !expected.isEmpty() && sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }
}
