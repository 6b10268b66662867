package no.fyrtarn.link;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.post.Network;

@ApplicationScoped
public class TrackedLinkRepository implements PanacheRepositoryBase<TrackedLink, String> {

    /** The owner's link to a post on a network; {@code created}: this call made it. */
    public record Owned(String code, boolean created) {
    }

    /**
     * The owner's link for this post and network, inserted with {@code code} if they have none: one statement. Empty
     * when neither could be read in this statement's snapshot: the code belonged to another link (vanishingly rare),
     * or a concurrent caller inserted the owner's link meanwhile (the statement waited for it on the unique key). Both
     * resolve when the caller tries again with a fresh code.
     */
    public Optional<Owned> insertIfAbsent(String code, UUID employeeId, UUID postId, Network network, String targetUrl,
            UUID firstShareId, Instant now) {
        List<?> rows = getEntityManager().createNativeQuery("""
                with made as (
                    insert into tracked_link (code, employee_id, post_id, network, target_url, first_share_id, created_at)
                    values (:code, :employee, :post, :network, :target, :share, :now) on conflict do nothing
                    returning code)
                select code, true from made
                union all
                select code, false from tracked_link where employee_id = :employee and post_id = :post and network = :network""")
                .setParameter("code", code).setParameter("employee", employeeId).setParameter("post", postId)
                .setParameter("network", network.name()).setParameter("target", targetUrl)
                .setParameter("share", firstShareId).setParameter("now", now).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new Owned((String) r[0], (Boolean) r[1]));
    }
}
