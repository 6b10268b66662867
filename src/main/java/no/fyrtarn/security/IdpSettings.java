package no.fyrtarn.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import no.fyrtarn.infra.Profiles;

/**
 * Says at start, outside the local profiles, what is amiss in how the service takes an IdP's tokens. Tokens signed
 * with the service's own key pair (the local run, a trial without an IdP) are issued by nobody else, so nothing needs
 * saying there. {@link RefusedTokens} says it again, with the token's own values, when a token is refused for them.
 */
@ApplicationScoped
public class IdpSettings {

    /** {@code mp.jwt.verify.issuer} as the local run has it. */
    static final String LOCAL_ISSUER = "https://fyrtarn.local";

    private static final Logger LOG = Logger.getLogger(IdpSettings.class);

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<List<String>> audiences;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keys;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> ownKeyLocation;

    @ConfigProperty(name = "smallrye.jwt.sign.key")
    Optional<String> ownKey;

    void onStart(@Observes StartupEvent event) {
        if (!Profiles.local()) {
            problems(ownKeyLocation.isPresent() || ownKey.isPresent(), keys, audiences, issuer).forEach(LOG::warn);
        }
    }

    /** What is amiss in taking tokens this way; empty when nothing is. */
    static List<String> problems(boolean ownKeys, Optional<String> keys, Optional<List<String>> audiences,
            String issuer) {
        List<String> problems = new ArrayList<>();
        if (ownKeys) {
            return problems;
        }
        if (keys.filter(location -> location.regionMatches(true, 0, "http:", 0, "http:".length())).isPresent()) {
            problems.add(("mp.jwt.verify.publickey.location is %s, not https: the keys that decide whose a token is"
                    + " would travel unencrypted, and anyone on the way could put in a key of their own and sign in as"
                    + " anyone. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the IdP's https address.")
                    .formatted(keys.get()));
        }
        if (LOCAL_ISSUER.equals(issuer)) {
            problems.add(("mp.jwt.verify.issuer is %s, the local run's: every token of your IdP names the IdP as its"
                    + " issuer and is refused. Set MP_JWT_VERIFY_ISSUER to it (the iss of its tokens).")
                    .formatted(issuer));
        }
        if (audiences.isEmpty()) {
            problems.add(("mp.jwt.verify.audiences is not set: the service takes every token %s signs, also those"
                    + " it issues to your other applications, so any of them could act here as the employee it was"
                    + " issued for. Set MP_JWT_VERIFY_AUDIENCES to the audience the IdP names Fyrtårn by in its tokens"
                    + " (its client id, for most IdPs).").formatted(issuer));
        }
        return problems;
    }
}
