package no.fyrtarn.security;

import java.nio.charset.StandardCharsets;
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

    /**
     * The CSRF token as a page's form carries it: a fresh random pad, then the token's bytes XOR the pad, in base64url.
     * No two pages hold the same text for it, so a compressed page, whose size an eavesdropper sees, gives nothing of
     * it away however much of the request the page echoes (BREACH). {@link #unmasked} reads it back.
     */
    public static String masked(String token) {
        byte[] plain = token.getBytes(StandardCharsets.UTF_8);
        byte[] masked = new byte[plain.length * 2];
        byte[] pad = new byte[plain.length];
        RANDOM.nextBytes(pad);
        for (int i = 0; i < plain.length; i++) {
            masked[i] = pad[i];
            masked[plain.length + i] = (byte) (plain[i] ^ pad[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(masked);
    }

    /** The token a form's {@link #masked} field stands for; null where the field is not one. */
    public static String unmasked(String field) {
        byte[] masked;
        try {
            masked = Base64.getUrlDecoder().decode(field);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (masked.length == 0 || masked.length % 2 != 0) {
            return null;
        }
        int half = masked.length / 2;
        byte[] plain = new byte[half];
        for (int i = 0; i < half; i++) {
            plain[i] = (byte) (masked[i] ^ masked[half + i]);
        }
        return new String(plain, StandardCharsets.UTF_8);
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
