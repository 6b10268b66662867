package no.fyrtarn.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.hibernate.LockOptions;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import no.fyrtarn.infra.Cursor;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** Newest first, after the (createdAt, id) position of the previous page; fetches {@code fetch} rows. */
    public List<Post> page(PostStatus status, Cursor.At after, int fetch) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (after != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by createdAt desc, id desc", params).range(0, fetch - 1).list();
    }

    /** Posts whose publish or expiry time has come, locked so that two instances never move the same post. */
    public List<Post> dueForTransition(Instant now, int limit) {
        return find("(status = ?1 and publishAt <= ?3) or (status = ?2 and expiresAt <= ?3) order by updatedAt",
                PostStatus.SCHEDULED, PostStatus.PUBLISHED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .range(0, limit - 1).list();
    }

    /**
     * The feed of someone in {@code teamId} (null: no team): published, unexpired posts for everyone or for that team,
     * newest published first, after {@code after}; optionally only those with {@code topic}.
     */
    public List<Post> feed(UUID teamId, String topic, Instant now, Cursor.At after, int fetch) {
        StringBuilder sql = new StringBuilder("select p.id from post p where ").append(inFeedOf(teamId));
        if (topic != null) {
            sql.append(" and jsonb_exists(p.topics, :topic)"); // the ? operator, which JDBC would take for a parameter
        }
        if (after != null) {
            sql.append(" and (p.published_at, p.id) < (:afterAt, :afterId)");
        }
        sql.append(" order by p.published_at desc, p.id desc limit :fetch");
        var query = getEntityManager().createNativeQuery(sql.toString(), UUID.class).setParameter("fetch", fetch);
        bindInFeedOf(query, teamId, now);
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Post> byId = list("id in ?1", ids).stream().collect(Collectors.toMap(Post::id, p -> p));
        return ids.stream().map(byId::get).toList();
    }

    /** The post if it is in the feed of someone in {@code teamId} (by the same rule as {@link #feed}), read-only. */
    public Optional<Post> findInFeed(UUID postId, UUID teamId, Instant now) {
        var query = getEntityManager().createNativeQuery("select p.* from post p where p.id = :id and " + inFeedOf(teamId),
                Post.class).setParameter("id", postId).setHint(HibernateHints.HINT_READ_ONLY, true);
        bindInFeedOf(query, teamId, now);
        @SuppressWarnings("unchecked")
        List<Post> found = query.getResultList();
        return found.stream().findFirst();
    }

    /**
     * What the feed shows someone in {@code teamId} (null: no team): published, not past expiresAt (even before the
     * scheduler marks it EXPIRED), for everyone or for their team. Its :now and :team are bound by bindInFeedOf.
     */
    private static String inFeedOf(UUID teamId) {
        return """
                p.status = 'PUBLISHED' and (p.expires_at is null or p.expires_at > :now)
                and (not exists (select 1 from post_audience_team a where a.post_id = p.id)"""
                + (teamId == null ? ")"
                        : " or exists (select 1 from post_audience_team a where a.post_id = p.id and a.team_id = :team))");
    }

    private static void bindInFeedOf(Query query, UUID teamId, Instant now) {
        query.setParameter("now", now);
        if (teamId != null) {
            query.setParameter("team", teamId);
        }
    }
}
