package no.fyrtarn.security;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.directory.Employee;
import no.fyrtarn.directory.Role;

/**
 * Every authenticated caller is an employee: a valid token for someone the directory does not know yet adds them
 * (just in time, no team), and the identity carries the "employee" role, the roles its groups name, in any case, and
 * those the directory gives them: the roles an import stored, and "leader" when someone reports to them.
 * A token for someone who left the company is refused (401), and so is one whose name (upn, else preferred_username,
 * else sub) is no e-mail, not added as someone called "kari.nordmann".
 */
@ApplicationScoped
public class ProvisioningAugmentor implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(ProvisioningAugmentor.class);

    /** Names of tokens refused for naming no one by e-mail, so that the log says so once for each. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Inject
    DirectoryService directory;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String email = token.getName();
        if (email == null || email.indexOf('@') < 1 || !DirectoryService.storableAddress(email)) {
            if (refused.add(String.valueOf(email))) {
                LOG.warnf("Refused a token that names no one by e-mail (%s): people are known by their e-mail (of"
                        + " at most %d characters), in the token's upn claim (Keycloak: add the microprofile-jwt"
                        + " client scope)", email, Employee.EMAIL_MAX);
            }
            return Uni.createFrom().failure(new AuthenticationFailedException("The token names no one by e-mail"));
        }
        QuarkusSecurityIdentity.Builder roles = QuarkusSecurityIdentity.builder(identity).addRole(Roles.EMPLOYEE);
        // groups as the IdP's admin named them ("Marketing") are the roles they name, as in a directory import
        token.getGroups().forEach(group -> Role.fromGroup(group).ifPresent(role -> roles.addRole(role.groupName())));
        Optional<DirectoryService.Member> kept = directory.memberIfKept(email);
        if (kept.isPresent()) { // the common case, without a database round trip
            return Uni.createFrom().item(identity(roles, kept.get()));
        }
        return context.runBlocking(() -> identity(roles, directory.admit(email, nameOf(token))
                .orElseThrow(() -> new AuthenticationFailedException("No longer in the directory"))));
    }

    /** The token's {@code name}, if it is text: an IdP's mapper may give a number or an object (a 500 before). */
    private static String nameOf(JsonWebToken token) {
        Object name = token.getClaim("name");
        return name instanceof String text ? text : null;
    }

    /**
     * The token's roles and the directory's: those an import gave them (an admin's word, as in the local login) and
     * "leader" when someone reports to them, which an IdP's groups know nothing of.
     */
    private static SecurityIdentity identity(QuarkusSecurityIdentity.Builder roles, DirectoryService.Member member) {
        member.groups().forEach(roles::addRole);
        return roles.build();
    }
}
