package no.fyrtarn.security;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.ws.rs.core.NewCookie;

/**
 * The web pages' session: the JWT in an HttpOnly cookie (read by smallrye-jwt like a bearer token) and a readable
 * CSRF cookie whose value a state-changing request must echo (double submit, see {@link CsrfFilter}).
 */
public final class SessionCookies {

    public static final String TOKEN = "fyrtarn_token";
    public static final String CSRF = "fyrtarn_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Forms send the CSRF token in this field. */
    public static final String CSRF_FIELD = "_csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionCookies() {
    }

    /** Both cookies for a token that lives {@code seconds}; {@code secure} when the site is served over HTTPS. */
    public static NewCookie[] open(String token, long seconds, boolean secure) {
        byte[] csrf = new byte[32];
        RANDOM.nextBytes(csrf);
        return new NewCookie[] {
                cookie(TOKEN, token, (int) seconds, true, secure),
                cookie(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(csrf), (int) seconds, false, secure) };
    }

    /** Expires both cookies. */
    public static NewCookie[] close(boolean secure) {
        return new NewCookie[] { cookie(TOKEN, "", 0, true, secure), cookie(CSRF, "", 0, false, secure) };
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean httpOnly, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(httpOnly).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
