package no.fyrtarn.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import no.fyrtarn.directory.DirectoryService;

/**
 * Every authenticated caller is an employee: a valid token for someone the directory does not know yet adds them
 * (just in time, no team), and the identity always carries the "employee" role.
 */
@ApplicationScoped
public class ProvisioningAugmentor implements SecurityIdentityAugmentor {

    /** E-mails known to be in the directory, so the common case costs no database round trip. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    @Inject
    DirectoryService directory;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String email = token.getName();
        SecurityIdentity employee = QuarkusSecurityIdentity.builder(identity).addRole(Roles.EMPLOYEE).build();
        if (email == null || known.contains(email)) {
            return Uni.createFrom().item(employee);
        }
        return context.runBlocking(() -> {
            directory.provision(email, token.getClaim("name"));
            known.add(email);
            return employee;
        });
    }
}
