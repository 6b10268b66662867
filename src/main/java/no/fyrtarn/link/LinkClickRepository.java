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

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.Sql;

@ApplicationScoped
public class LinkClickRepository implements PanacheRepositoryBase<LinkClick, UUID> {

    @Inject
    Sql sql;

    /** A counted click's code, client and time: what the repeat rule compares against. */
    public record Counted(String code, String clientHash, Instant at) {
    }

    /** Counted clicks on these codes strictly between from and to. */
    public List<Counted> countedBetween(Collection<String> codes, Instant from, Instant to) {
        return sql.list("select link_code, client_hash, at from link_click "
                + "where link_code = any(?) and at > ? and at < ?",
                row -> new Counted(row.getString(1), row.getString(2), Sql.instant(row, 3)),
                codes.toArray(String[]::new), from, to);
    }

    /**
     * All in one statement: a consumer batch of hundreds of clicks is one insert, not hundreds. A click whose id is
     * stored already (a redelivery) is left as it is.
     *
     * @return the ids of the clicks this call stored
     */
    public Set<UUID> insertNew(List<LinkClick> clicks) {
        int n = clicks.size();
        UUID[] ids = new UUID[n], shares = new UUID[n], posts = new UUID[n], employees = new UUID[n];
        String[] codes = new String[n], networks = new String[n], hashes = new String[n], agents = new String[n];
        Instant[] at = new Instant[n];
        for (int i = 0; i < n; i++) {
            LinkClick c = clicks.get(i);
            ids[i] = c.id();
            codes[i] = c.linkCode();
            shares[i] = c.shareId();
            posts[i] = c.postId();
            employees[i] = c.employeeId();
            networks[i] = c.network().name();
            at[i] = c.at();
            hashes[i] = c.clientHash();
            agents[i] = c.userAgent();
        }
        return new HashSet<>(sql.list("insert into link_click (id, link_code, share_id, post_id, employee_id, network, "
                + "at, client_hash, user_agent) select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (id) do nothing returning id",
                row -> Sql.uuid(row, 1), ids, codes, shares, posts, employees, networks, at, hashes, agents));
    }

    public Map<UUID, Long> countedByPost(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery(
                "select c.postId, count(c) from LinkClick c where c.postId in :ids group by c.postId",
                Object[].class).setParameter("ids", postIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }
}
