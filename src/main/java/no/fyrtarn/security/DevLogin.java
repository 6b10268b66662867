package no.fyrtarn.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.build.Jwt;
import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.infra.Profiles;

/** The local login behind POST /api/dev/login and the /login page: a token for any directory employee, no password. */
@ApplicationScoped
public class DevLogin {

    /** A signed token and its lifetime in seconds. */
    public record Token(String token, long expiresIn) {
    }

    @Inject
    DevLoginConfig config;

    @Inject
    DirectoryService directory;

    /** Only in the local, dev and test profiles, and only when switched on. */
    public boolean enabled() {
        return config.enabled() && Profiles.local();
    }

    /** A token for the employee with this e-mail; empty when the directory has nobody with it. */
    public Optional<Token> tokenFor(String email) {
        return directory.member(email).map(member -> {
            long lifespan = config.tokenLifespan().toSeconds();
            String token = Jwt.upn(member.email())
                    .claim("name", member.name())
                    .groups(member.groups())
                    .expiresIn(lifespan)
                    .sign();
            return new Token(token, lifespan);
        });
    }
}
