package no.fyrtarn.link;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.StatelessSession;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LinkClickRepository implements PanacheRepositoryBase<LinkClick, UUID> {

    @Inject
    StatelessSession stateless;

    /** A counted click's code, client and time: what the repeat rule compares against. */
    public record Counted(String code, String clientHash, Instant at) {
    }

    /** Which of these click ids are stored already (redeliveries). */
    public Set<UUID> existing(Collection<UUID> ids) {
        return new HashSet<>(getEntityManager().createQuery("select c.id from LinkClick c where c.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    /** Counted clicks on these codes strictly between from and to. */
    public List<Counted> countedBetween(Collection<String> codes, Instant from, Instant to) {
        return getEntityManager().createQuery("select c.linkCode, c.clientHash, c.at from LinkClick c "
                + "where c.counted = true and c.linkCode in :codes and c.at > :from and c.at < :to", Object[].class)
                .setParameter("codes", codes).setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(r -> new Counted((String) r[0], (String) r[1], (Instant) r[2])).toList();
    }

    /** Inserts in JDBC batches, without a persistence context. */
    public void insertAll(List<LinkClick> clicks) {
        stateless.insertMultiple(clicks);
    }

    public Map<UUID, Long> countedByPost(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select c.postId, count(c) from LinkClick c where c.counted = true and c.postId in :ids group by c.postId",
                Object[].class).setParameter("ids", postIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }
}
