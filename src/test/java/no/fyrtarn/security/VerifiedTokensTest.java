package no.fyrtarn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** The verified-token memory never stands in for a verification the token would now fail. */
class VerifiedTokensTest {

    /** smallrye-jwt's parser as far as this seam sees it: accepts a token once, then refuses everything. */
    private static final class AcceptsOnce extends DefaultJWTParser {
        private final long expiresAt;
        private int calls;

        AcceptsOnce(long expiresAt) {
            this.expiresAt = expiresAt;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            if (calls++ > 0) {
                throw new ParseException("refused on a later verification");
            }
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return "x@test.no";
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String name) {
                    return "exp".equals(name) ? (T) Long.valueOf(expiresAt) : null;
                }
            };
        }
    }

    private static VerifiedTokens over(DefaultJWTParser parser) {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.parser = parser;
        tokens.refused = new RefusedTokens();
        return tokens;
    }

    @Test
    void a_verified_token_is_answered_again_without_a_new_verification_until_it_expires() throws ParseException {
        var tokens = over(new AcceptsOnce(Instant.now().getEpochSecond() + 600));

        JsonWebToken first = tokens.parse("a.b.c");

        assertThat(tokens.parse("a.b.c")).isSameAs(first);
        assertThatThrownBy(() -> tokens.parse("another.token.text")).isInstanceOf(ParseException.class);
    }

    @Test
    void a_token_past_its_expiry_is_verified_again_even_if_it_passed_before() throws ParseException {
        // accepted once within the clock skew, after exp: it must never be answered from memory
        var tokens = over(new AcceptsOnce(Instant.now().getEpochSecond() - 1));

        tokens.parse("a.b.c");

        assertThatThrownBy(() -> tokens.parse("a.b.c")).isInstanceOf(ParseException.class);
    }
}
