package no.fyrtarn.security;

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

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
