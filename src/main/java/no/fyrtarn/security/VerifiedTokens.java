package no.fyrtarn.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser Quarkus authenticates with, remembering tokens it has verified. Checking an RS256 signature
 * and parsing the claims cost more CPU than the rest of a small request, and a client sends the same token for its
 * whole lifetime. A verified token (by its exact text) is answered from memory until it expires, and for at most
 * {@link #KEEP_SECONDS} so that a rotated or withdrawn verification key takes effect soon. Anything else (a new,
 * expired, forged or malformed token) goes to smallrye-jwt's own parser, which decides as before.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final long KEEP_SECONDS = 300;
    private static final int MAX_KEPT = 10_000;

    private record Verified(JsonWebToken token, long untilEpochSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    DefaultJWTParser parser;

    @Inject
    RefusedTokens refused;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        Verified kept = verified.get(token);
        if (kept != null && now < kept.untilEpochSecond()) {
            return kept.token();
        }
        JsonWebToken parsed = typed(token);
        if (verified.size() >= MAX_KEPT) {
            verified.clear(); // crude, but bounded: the busy tokens come back at the cost of one verification each
        }
        verified.put(token, new Verified(parsed, Math.min(parsed.getExpirationTime(), now + KEEP_SECONDS)));
        return parsed;
    }

    /**
     * The token parsed, its name and groups of the types they must have. smallrye-jwt casts them where it reads them,
     * so that a signed token whose {@code groups} an IdP's mapper made an object, or whose {@code upn} a number, was
     * a 500 on every request (until session 52); it is refused as a malformed one is, 401.
     */
    private JsonWebToken typed(String token) throws ParseException {
        try {
            JsonWebToken parsed = parser.parse(token);
            parsed.getName();
            return parsed;
        } catch (ClassCastException e) {
            throw new ParseException("A claim of the token is not of its type: " + e.getMessage(), e);
        } catch (ParseException e) {
            refused.explain(e);
            throw e;
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
