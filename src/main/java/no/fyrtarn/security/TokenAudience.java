package no.fyrtarn.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import no.fyrtarn.infra.Profiles;

/**
 * Says at start, outside the local profiles, when the tokens come from an IdP and no audience is asked of them
 * ({@code mp.jwt.verify.audiences}). Then the service takes every token the IdP signs, also those it issues to the
 * company's other applications: any of them, or whoever gets hold of a token one of them was sent, could act here as
 * that employee, with the roles the token names. Tokens signed with the service's own key pair (the local run, a trial
 * without an IdP) are issued by nobody else, so nothing needs saying there.
 */
@ApplicationScoped
public class TokenAudience {

    private static final Logger LOG = Logger.getLogger(TokenAudience.class);

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<List<String>> audiences;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> ownKeyLocation;

    @ConfigProperty(name = "smallrye.jwt.sign.key")
    Optional<String> ownKey;

    void onStart(@Observes StartupEvent event) {
        if (!Profiles.local()) {
            problem(ownKeyLocation.isPresent() || ownKey.isPresent(), audiences, issuer).ifPresent(LOG::warn);
        }
    }

    /** What is wrong with taking tokens this way; empty when nothing is. */
    static Optional<String> problem(boolean ownKeys, Optional<List<String>> audiences, String issuer) {
        if (ownKeys || audiences.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(("mp.jwt.verify.audiences is not set: the service takes every token %s signs, also those"
                + " it issues to your other applications, so any of them could act here as the employee it was"
                + " issued for. Set MP_JWT_VERIFY_AUDIENCES to the audience the IdP names Fyrtårn by in its tokens"
                + " (its client id, for most IdPs).").formatted(issuer));
    }
}
