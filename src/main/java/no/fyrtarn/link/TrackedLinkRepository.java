package no.fyrtarn.link;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Sql;
import no.fyrtarn.post.Network;

@ApplicationScoped
public class TrackedLinkRepository implements PanacheRepositoryBase<TrackedLink, String> {

    @Inject
    Sql sql;

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
        return sql.first("""
                with made as (
                    insert into tracked_link (code, employee_id, post_id, network, target_url, first_share_id, created_at)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                    returning code)
                select code, true from made
                union all
                select code, false from tracked_link where employee_id = ? and post_id = ? and network = ?""",
                row -> new Owned(row.getString(1), row.getBoolean(2)),
                code, employeeId, postId, network, targetUrl, firstShareId, now, employeeId, postId, network);
    }
}
