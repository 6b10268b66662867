package no.fyrtarn.share;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Sql;
import no.fyrtarn.post.Network;

@ApplicationScoped
public class ShareRepository implements PanacheRepositoryBase<Share, UUID> {

    @Inject
    Sql sql;

    /**
     * Inserts the share unless the employee already used this idempotency key. A concurrent request with the same key
     * waits on the unique index until the first commits, then inserts nothing.
     *
     * @return whether this call inserted it
     */
    public boolean insertUnlessKeyUsed(UUID id, UUID postId, UUID employeeId, Network network, String linkCode,
            String text, String idempotencyKey, String requestHash, Instant now) {
        return sql.update("""
                insert into share (id, post_id, employee_id, network, link_code, text, idempotency_key, request_hash,
                                   created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (employee_id, idempotency_key) do nothing""",
                id, postId, employeeId, network, linkCode, text, idempotencyKey, requestHash, now) == 1;
    }

    public Optional<Share> findByKey(UUID employeeId, String idempotencyKey) {
        return find("employeeId = ?1 and idempotencyKey = ?2", employeeId, idempotencyKey)
                .withHint(HibernateHints.HINT_READ_ONLY, true).firstResultOptional();
    }

    /** Per post, the networks this employee shared it on. */
    public Map<UUID, Set<Network>> networksSharedOn(UUID employeeId, Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select distinct s.postId, s.network from Share s where s.employeeId = :employee and s.postId in :posts",
                Object[].class).setParameter("employee", employeeId).setParameter("posts", postIds).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                Collectors.mapping(r -> (Network) r[1], Collectors.toSet())));
    }

    public Map<UUID, Long> countByPost(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select s.postId, count(s) from Share s where s.postId in :posts group by s.postId", Object[].class)
                .setParameter("posts", postIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }
}
