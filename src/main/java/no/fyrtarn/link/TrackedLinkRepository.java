package no.fyrtarn.link;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.post.Network;

@ApplicationScoped
public class TrackedLinkRepository implements PanacheRepositoryBase<TrackedLink, String> {

    /**
     * Inserts the link unless the owner already has one for this post and network (or, vanishingly rarely, the code
     * is taken). Concurrent callers wait for each other on the unique key instead of failing.
     *
     * @return whether this call inserted it
     */
    public boolean insertIfAbsent(String code, UUID employeeId, UUID postId, Network network, String targetUrl,
            UUID firstShareId, Instant now) {
        return getEntityManager().createNativeQuery("""
                insert into tracked_link (code, employee_id, post_id, network, target_url, first_share_id, created_at)
                values (:code, :employee, :post, :network, :target, :share, :now) on conflict do nothing""")
                .setParameter("code", code).setParameter("employee", employeeId).setParameter("post", postId)
                .setParameter("network", network.name()).setParameter("target", targetUrl)
                .setParameter("share", firstShareId).setParameter("now", now)
                .executeUpdate() == 1;
    }

    public Optional<TrackedLink> findByOwner(UUID employeeId, UUID postId, Network network) {
        return find("employeeId = ?1 and postId = ?2 and network = ?3", employeeId, postId, network)
                .withHint(HibernateHints.HINT_READ_ONLY, true).firstResultOptional();
    }
}
