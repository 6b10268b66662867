package no.fyrtarn.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Says in the log why a token signed with a key the service trusts was refused when the reason is likely its settings
 * rather than the token: an issuer or an audience other than those it takes ({@code mp.jwt.verify.issuer},
 * {@code mp.jwt.verify.audiences}). Before session 60 an IdP configured with either wrong (the issuer left at the
 * local run's) refused every sign-in, 401, with nothing in the log. Once for each issuer or audience, and for at most
 * {@link #MOST} of them. A token signed with a key the service does not trust says nothing: anyone can write any
 * claim into one.
 */
@ApplicationScoped
public class RefusedTokens {

    static final int MOST = 100;

    private static final Logger LOG = Logger.getLogger(RefusedTokens.class);

    private final Set<String> said = ConcurrentHashMap.newKeySet();

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<List<String>> audiences;

    /** Says why, if the refusal (or one of its causes) is a trusted token's issuer or audience. */
    void explain(Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid && invalid.getJwtContext() != null) {
                explain(invalid, invalid.getJwtContext());
                return;
            }
        }
    }

    private void explain(InvalidJwtException invalid, JwtContext token) {
        if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            Object theirs = token.getJwtClaims().getClaimValue("iss");
            say("iss " + theirs, "Refused a token %s: the service takes tokens of %s only. If your IdP names itself"
                    + " so, set MP_JWT_VERIFY_ISSUER to it.", theirs == null ? "that names no issuer"
                            : "of the issuer " + theirs, issuer);
        }
        if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            Object theirs = token.getJwtClaims().getClaimValue("aud");
            say("aud " + theirs, "Refused a token %s: the service takes tokens for %s only. A token your IdP issued to"
                    + " another application is refused so; if it names Fyrtårn so, set MP_JWT_VERIFY_AUDIENCES to it.",
                    theirs == null ? "for no audience" : "for the audience " + theirs, audiences.orElse(List.of()));
        }
    }

    private void say(String what, String message, Object... parameters) {
        if (said.size() < MOST && said.add(what)) {
            LOG.warnf(message, parameters);
        }
    }
}
