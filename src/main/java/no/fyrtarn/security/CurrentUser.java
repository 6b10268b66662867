package no.fyrtarn.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.infra.ProblemException;

/** The authenticated employee behind the current request. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    DirectoryService directory;

    private DirectoryService.Member member;

    public DirectoryService.Member member() {
        if (member == null) {
            member = directory.member(identity.getPrincipal().getName())
                    .orElseThrow(() -> ProblemException.unauthorized("Unknown employee"));
        }
        return member;
    }

    /** {@link #member} if it is known without reading the database (the event loop must not); else empty. */
    public Optional<DirectoryService.Member> memberIfKept() {
        if (member == null) {
            member = directory.memberIfKept(identity.getPrincipal().getName()).orElse(null);
        }
        return Optional.ofNullable(member);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
