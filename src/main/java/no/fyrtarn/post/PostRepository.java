package no.fyrtarn.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.LockOptions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** Newest first, after the (createdAt, id) position of the previous page; fetches {@code fetch} rows. */
    public List<Post> page(PostStatus status, Instant afterCreatedAt, UUID afterId, int fetch) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (afterCreatedAt != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params.and("at", afterCreatedAt).and("id", afterId);
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
}
