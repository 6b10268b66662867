package no.fyrtarn.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import no.fyrtarn.infra.NativeRows;
import no.fyrtarn.infra.Sql;
import no.fyrtarn.post.Network;

@ApplicationScoped
public class LinkClickRepository implements PanacheRepositoryBase<LinkClick, UUID> {

    @Inject
    Sql sql;

    /** One client on one tracked link: what the repeat rule is about. */
    public record Visitor(String code, String clientHash) {
    }

    /**
     * The times of the counted clicks of these visitors strictly between from and to, in lists the caller may add to.
     * Only theirs: a link's other clients do not matter to the rule, and on a popular link they are thousands within
     * the window.
     */
    public Map<Visitor, List<Instant>> countedBetween(Collection<Visitor> visitors, Instant from, Instant to) {
        List<Visitor> each = List.copyOf(visitors);
        String[] codes = each.stream().map(Visitor::code).toArray(String[]::new);
        String[] clients = each.stream().map(Visitor::clientHash).toArray(String[]::new);
        return sql.list("select c.link_code, c.client_hash, c.at from link_click c "
                + "join unnest(?, ?) as v(code, client) on c.link_code = v.code and c.client_hash = v.client "
                + "where c.at > ? and c.at < ?",
                row -> Map.entry(new Visitor(row.getString(1), row.getString(2)), Sql.instant(row, 3)),
                codes, clients, from, to).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, HashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(ArrayList::new))));
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

    /** Counted clicks per post and network, for those of the posts that have any. */
    public Map<UUID, Map<Network, Long>> countedByPostAndNetwork(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery("select c.postId, c.network, count(c) from LinkClick c "
                + "where c.postId in :ids group by c.postId, c.network", Object[].class)
                .setParameter("ids", postIds).getResultList();
        return NativeRows.countsByTwo(rows);
    }

    /**
     * Counted clicks on one employee's own tracked links to these posts, per post and network; a link without any is
     * left out. Through the links' codes, so a post's clicks on colleagues' links are never read.
     */
    public Map<UUID, Map<Network, Long>> countedOnLinksOf(UUID employeeId, Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery("select t.postId, t.network, count(c) "
                + "from TrackedLink t, LinkClick c where c.linkCode = t.code "
                + "and t.employeeId = :employee and t.postId in :posts group by t.postId, t.network", Object[].class)
                .setParameter("employee", employeeId).setParameter("posts", postIds).getResultList();
        return NativeRows.countsByTwo(rows);
    }
}
